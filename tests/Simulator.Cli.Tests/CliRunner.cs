using System.Diagnostics;
using System.Text;
using Simulator.Tests.Shared;

namespace Simulator.Cli.Tests;

/// <summary>Runs the built <c>simulator</c> program as a user would, in a working directory of the test's own.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Process Start(string workingDirectory, params string[] args) =>
        Process.Start(RepoPaths.Simulator(workingDirectory, args)) ?? throw new InvalidOperationException("could not start the simulator");

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
}
