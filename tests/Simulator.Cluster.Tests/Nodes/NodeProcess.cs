using System.Diagnostics;
using System.Globalization;
using Simulator.Cluster.Hosting;

namespace Simulator.Cluster.Tests.Nodes;

/// <summary>
/// A silo of the cluster in a child process (this test assembly run with <c>node</c>, see <see cref="Program"/>),
/// so that a test can kill it the way a machine dies: no goodbye to the cluster, no row marked dead.
/// The child also stops when this process goes away (its standard input closes).
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    /// <summary>The line the child prints once its silo has joined, followed by the silo's address.</summary>
    public const string JoinedLine = "joined ";

    private readonly Process _process;
    private readonly List<string> _output;
    private bool _frozen;

    private NodeProcess(Process process, List<string> output, string address)
    {
        _process = process;
        _output = output;
        Address = address;
    }

    /// <summary>The child silo's address in Orleans' parsable form (address:port@generation).</summary>
    public string Address { get; }

    /// <summary>What the child wrote so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Writes the cluster file to <paramref name="folder"/>, starts the child and waits until its silo has joined.</summary>
    public static async Task<NodeProcess> StartAsync(ClusterConfig config, string folder, CancellationToken cancellationToken)
    {
        var file = ClusterFileWriter.Write(config, Path.Combine(folder, $"cluster-{ClusterHosting.FreePort()}.yaml")).File;
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(NodeProcess).Assembly.Location, Program.NodeCommand, file, Port(), Port() })
        {
            info.ArgumentList.Add(argument);
        }

        var output = new List<string>();
        var joined = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Collect(e.Data, output, joined);
        process.ErrorDataReceived += (_, e) => Collect(e.Data, output, joined);
        process.Exited += (_, _) => joined.TrySetException(new InvalidOperationException("the node process exited before joining"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await joined.Task.WaitAsync(cancellationToken);
            return new NodeProcess(process, output, address);
        }
        catch (Exception ex)
        {
            Kill(process);
            process.Dispose();
            string lines;
            lock (output)
            {
                lines = string.Join('\n', output);
            }

            throw new InvalidOperationException($"the node process did not join the cluster ({ex.Message}):\n{lines}", ex);
        }
    }

    /// <summary>
    /// Stops the child without ending it (SIGSTOP), as a machine that drops off the network looks to the others:
    /// its connections stay open but nothing answers, so probes time out rather than being refused.
    /// </summary>
    public async Task FreezeAsync(CancellationToken cancellationToken)
    {
        _frozen = true;
        await Postgres.OsCommand.RunCheckedAsync("kill", ["-STOP", _process.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10), cancellationToken);
    }

    /// <summary>Kills the child at once, as a crash would.</summary>
    public void Kill() => Kill(_process);

    public async ValueTask DisposeAsync()
    {
        if (_frozen)
        {
            Kill(_process);
        }
        else if (!_process.HasExited)
        {
            // Closing its input asks the child to leave the cluster; killing it is the fallback.
            _process.StandardInput.Close();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                Kill(_process);
            }
        }

        _process.Dispose();
    }

    private static void Collect(string? line, List<string> output, TaskCompletionSource<string> joined)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }

        if (line.StartsWith(JoinedLine, StringComparison.Ordinal))
        {
            joined.TrySetResult(line[JoinedLine.Length..].Trim());
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string Port() => ClusterHosting.FreePort().ToString(CultureInfo.InvariantCulture);

    /// <summary>The dotnet host running these tests, to run the child with the same runtime.</summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet")
        {
            return path;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }
}
