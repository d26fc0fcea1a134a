using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Simulator.Cluster.Hosting;
using Simulator.Cluster.Nodes;
using Simulator.Engine.Studies;
using Simulator.Models.Endpoints;
using Simulator.Storage.Catalogs;

namespace Simulator.Bench.Load;

/// <summary>
/// Cluster throughput (issue 10): one offline study (personas × scripted therapists × seeds) run in
/// process, then on clusters of 1, 2 and 3 <c>simulator node</c> processes on this machine (each a
/// fresh cluster id in the same PostgreSQL), submitted through the same study runner with the cluster
/// executor, each after a warm-up of 12 runs. Reports turns a second, the ratio to in process, and the
/// nodes' CPU per turn.
/// </summary>
internal static class ClusterStudy
{
    private static readonly string[] Personas = ["persecutory-delusion", "depression-suicidal", "ocd-checking", "generalised-anxiety", "bipolar-mania", "command-hallucinations"];
    private static readonly string[] Therapists = ["scripted:sycophantic", "scripted:faithful"];

    public static async Task RunAsync(string clusterFile, IReadOnlyList<int> nodeCounts, int sessions, int turns, string root)
    {
        var cluster = ClusterFile.Load(clusterFile);
        Console.WriteLine(Invariant($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {OfflineStudy.LoadAverage()}; {sessions} sessions × {turns} turns"));
        Console.WriteLine("| executor | nodes | wall (s) | turns/s | vs in process | node CPU ms per turn | restarts |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        await using var services = OfflineStudy.Engine(root, null);
        var studyFile = Path.Combine(root, "bench.yaml");
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(studyFile, Invariant($"""
            name: bench
            personas: [{string.Join(", ", Personas)}]
            therapists: [{string.Join(", ", Therapists.Select(t => $"\"{t}\""))}]
            seeds: [{string.Join(", ", Enumerable.Range(1, Math.Max(1, sessions / (Personas.Length * Therapists.Length))))}]
            turns: {turns}
            """));
        var study = services.GetRequiredService<StudyCatalog>().Get(studyFile);
        var runner = services.GetRequiredService<StudyRunner>();
        var jobs = runner.Expand(study);
        var total = jobs.Sum(j => (long)j.Configuration.TotalTurns);

        // Warm-ups (JIT, connections) with the first few runs, in process and on each cluster, outside the timings.
        var warmUp = jobs.Take(12).ToList();
        await runner.RunAsync(study, warmUp, new StudyFolder(Path.Combine(root, "local-warm-up")), new StudyOptions(Environment.ProcessorCount, false), Progress(), CancellationToken.None);
        var local = await TimeAsync(() => runner.RunAsync(study, jobs, new StudyFolder(Path.Combine(root, "local")), new StudyOptions(Environment.ProcessorCount, false), Progress(), CancellationToken.None));
        Row("in process", 0, local, total, local, null, 0);

        foreach (var n in nodeCounts)
        {
            var id = Invariant($"bench-{n}-{Environment.ProcessId}");
            var file = Path.Combine(root, id + ".yaml");
            await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(clusterFile)).Replace($"cluster: {cluster.Cluster}", $"cluster: {id}", StringComparison.Ordinal));
            var config = ClusterFile.Load(file);
            await ClusterSchema.ApplyAsync(config, CancellationToken.None);
            var nodes = Enumerable.Range(0, n).Select(_ => Node.Start(root, file)).ToList();
            try
            {
                foreach (var node in nodes)
                {
                    await node.JoinedAsync();
                }

                await using var connection = await ClusterClient.ConnectAsync(config, NullLoggerFactory.Instance, CancellationToken.None);
                var executor = connection.Executor(services.GetRequiredService<EndpointSlots>(), TimeProvider.System);
                await runner.RunAsync(study, warmUp, new StudyFolder(Path.Combine(root, id + "-warm-up")), new StudyOptions(null, false), Progress(), executor, CancellationToken.None);
                var folder = Path.Combine(root, id);
                var cpuBefore = nodes.Sum(x => x.CpuSeconds());
                var wall = await TimeAsync(() => runner.RunAsync(study, jobs, new StudyFolder(folder), new StudyOptions(null, false), Progress(), executor, CancellationToken.None));
                var cpu = nodes.Sum(x => x.CpuSeconds()) - cpuBefore;
                var status = await connection.Client.GetGrain<Simulator.Cluster.Grains.IStudyCoordinatorGrain>(Path.GetFullPath(folder)).StatusAsync();
                Row("cluster", n, wall, total, local, cpu * 1000 / total, status.Restarts);
            }
            finally
            {
                nodes.ForEach(x => x.Dispose());
            }
        }

        StudyProgress Progress() => new(jobs.Count, total, TimeProvider.System);
    }

    private static async Task<double> TimeAsync(Func<Task<StudyResult>> study)
    {
        var watch = Stopwatch.StartNew();
        var result = await study();
        if (result.Status != "completed")
        {
            throw new InvalidOperationException($"the study ended {result.Status}: {string.Join("; ", result.Failed.Select(f => $"{f.Key}: {f.Value}"))}");
        }

        return watch.Elapsed.TotalSeconds;
    }

    private static void Row(string executor, int nodes, double wall, long turns, double local, double? cpuPerTurn, int restarts) =>
        Console.WriteLine(Invariant($"| {executor} | {nodes} | {wall:0.00} | {turns / wall:0} | {local / wall:0.00} | {(cpuPerTurn is { } c ? c.ToString("0.00", CultureInfo.InvariantCulture) : "-")} | {restarts} |"));

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>A <c>simulator node</c> process (Release build of the CLI).</summary>
    private sealed class Node : IDisposable
    {
        private readonly Process _process;
        private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private Node(Process process)
        {
            _process = process;
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data?.Contains("joined cluster", StringComparison.Ordinal) == true)
                {
                    _joined.TrySetResult();
                }
            };
            process.OutputDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
        }

        public static Node Start(string cwd, string clusterFile)
        {
            var program = Path.Combine(OfflineStudy.FindRepo(), "src", "Simulator.Cli", "bin", "Release", "net10.0", "simulator.dll");
            var info = new ProcessStartInfo("dotnet") { WorkingDirectory = cwd, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[] { program, "node", "--cluster", clusterFile })
            {
                info.ArgumentList.Add(a);
            }

            return new Node(Process.Start(info)!);
        }

        public Task JoinedAsync() => _joined.Task.WaitAsync(TimeSpan.FromMinutes(2));

        public double CpuSeconds()
        {
            _process.Refresh();
            return _process.TotalProcessorTime.TotalSeconds;
        }

        public void Dispose()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
            _process.Dispose();
        }
    }
}
