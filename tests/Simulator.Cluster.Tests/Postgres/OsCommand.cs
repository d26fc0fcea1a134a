using System.Diagnostics;

namespace Simulator.Cluster.Tests.Postgres;

/// <summary>Runs a program to its end within a time limit and returns its exit code and output.</summary>
internal static class OsCommand
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, TimeSpan limit, CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', info.ArgumentList)} did not finish within {limit.TotalSeconds} s");
        }

        return (process.ExitCode, (await output) + (await errors));
    }

    /// <summary>Runs it and throws, with its output, unless it exits with 0.</summary>
    public static async Task<string> RunCheckedAsync(string file, IEnumerable<string> arguments, TimeSpan limit, CancellationToken cancellationToken = default)
    {
        var list = arguments.ToList();
        var (code, output) = await RunAsync(file, list, limit, cancellationToken);
        return code == 0 ? output : throw new InvalidOperationException($"{file} {string.Join(' ', list)} exited with {code}:\n{output}");
    }
}
