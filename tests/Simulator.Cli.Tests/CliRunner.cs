using System.Diagnostics;
using System.Text;
using Simulator.Tests.Shared;

namespace Simulator.Cli.Tests;

/// <summary>Runs the built <c>simulator</c> program as a user would, in a working directory of the test's own.</summary>
internal static class CliRunner
{
    private static readonly string Program = FindProgram();

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Process Start(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Program);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start the simulator");
    }

    public static async Task<Result> RunAsync(string workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        return await CollectAsync(process);
    }

    public static async Task<Result> CollectAsync(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    private static string FindProgram()
    {
        // tests/Simulator.Cli.Tests/bin/<Configuration>/net10.0/ -> src/Simulator.Cli/bin/<Configuration>/net10.0/simulator.dll
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(RepoPaths.Root, "src", "Simulator.Cli", "bin", configuration, "net10.0", "simulator.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: simulator.dll not found.", path);
    }
}
