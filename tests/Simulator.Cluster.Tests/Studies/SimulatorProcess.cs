using System.Diagnostics;
using System.Text;
using Simulator.Tests.Shared;

namespace Simulator.Cluster.Tests.Studies;

/// <summary>The built <c>simulator</c> program as a separate process: a node, or a study's client.</summary>
internal sealed class SimulatorProcess : IDisposable
{
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _stdout = new();

    private SimulatorProcess(Process process)
    {
        Process = process;
        process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public Process Process { get; }

    public string Stderr => Read(_stderr);

    public string Stdout => Read(_stdout);

    public static SimulatorProcess Start(string workingDirectory, params string[] args) =>
        new(Process.Start(RepoPaths.Simulator(workingDirectory, args)) ?? throw new InvalidOperationException("could not start the simulator"));

    /// <summary>Waits until standard error shows <paramref name="text"/>; fails if the process exits first or time runs out.</summary>
    public async Task WaitForAsync(string text, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (!Stderr.Contains(text, StringComparison.Ordinal))
        {
            if (Process.HasExited)
            {
                Assert.Fail($"the process exited ({Process.ExitCode}) before saying '{text}': {Stderr}");
            }

            Assert.True(waited.Elapsed < limit, $"no '{text}' within {limit}: {Stderr}");
            await Task.Delay(100);
        }
    }

    public async Task<int> ExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await Process.WaitForExitAsync(timeout.Token);
        Process.WaitForExit();   // the output readers drain
        return Process.ExitCode;
    }

    public void Kill()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        Process.Dispose();
    }

    private static void Append(StringBuilder to, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (to)
        {
            to.AppendLine(line);
        }
    }

    private static string Read(StringBuilder from)
    {
        lock (from)
        {
            return from.ToString();
        }
    }
}
