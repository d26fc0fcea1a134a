using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Simulator.Bench.Load;
using Simulator.Core.Runs;
using Simulator.Engine.Hosting;
using Simulator.Engine.Runs;
using Simulator.FakeModelServer;

// Load harness (issue 6): N concurrent sessions whose therapist is an OpenAI-compatible server on
// loopback answering after a fixed latency L. Each session makes its therapist calls one after
// another, so the ideal rate is N / L calls per second; the harness reports the achieved rate as a
// share of it. The endpoint's concurrency limit is set above N, so only the engine can fall short.
//
//   dotnet run -c Release --project bench/Simulator.Bench.Load -- [--latency 2] [--turns 10] [--sessions 64,256,1024] [--start spread|together]
//
// --start spread (the default) starts session i at i·L/N, so the N sessions are spread over one
// latency period as a study's sessions are once it runs; --start together starts all N at once, and
// with a fixed latency they then stay in lock-step: every turn's N requests arrive as one wave.
//
// Beside the table, a line per N (LoadProbe, GcListener, HttpMeters) says where a shortfall comes
// from: the cores the process and the rest of the machine used, the thread pool (threads, queue, how
// long a posted item waits), allocation per call, GC pauses by generation with the bytes each
// promoted, each turn split into the therapist call beyond L and the rest of the turn (from the
// runs' logs), and the HTTP client's and server's own durations. --timeline DIR writes the samples
// (every 50 ms) as CSV; --allocations samples allocations by type; --keep-requests true makes the
// fake server keep every request as the tests' server does (by default here it only counts them).
//
// Cluster throughput (issue 10, ClusterStudy): one offline study in process, then on 1, 2, 3 node processes.
//
//   dotnet run -c Release --project bench/Simulator.Bench.Load -- --cluster cluster.yaml [--nodes 1,2,3] [--sessions 300] [--turns 20]
//
// Offline scale (issue 8, OfflineStudy): N offline sessions × T turns with at most C at once, then I sessions held idle.
//
//   dotnet run -c Release --project bench/Simulator.Bench.Load -- --offline [--sessions 10000] [--turns 20] [--concurrency 2] [--idle 1000]
if (Value("--cluster") is { } clusterFile)
{
    await Simulator.Bench.Load.ClusterStudy.RunAsync(
        clusterFile,
        [.. (Value("--nodes") ?? "1,2,3").Split(',').Select(int.Parse)],
        (int)Arg("--sessions", 300),
        (int)Arg("--turns", 20),
        Path.Combine(Path.GetTempPath(), "simulator-bench-cluster", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
    return;
}

if (args.Contains("--offline"))
{
    await Simulator.Bench.Load.OfflineStudy.RunAsync(
        (int)Arg("--sessions", 10_000),
        (int)Arg("--turns", 20),
        (int)Arg("--concurrency", Environment.ProcessorCount),
        (int)Arg("--idle", 0),
        Path.Combine(Path.GetTempPath(), "simulator-bench-offline", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
    return;
}

var latency = TimeSpan.FromSeconds(Arg("--latency", 2.0));
var turns = (int)Arg("--turns", 10);
var sizes = (Value("--sessions") ?? "64,256,1024").Split(',').Select(int.Parse).ToList();
var together = (Value("--start") ?? "spread") switch
{
    "spread" => false,
    "together" => true,
    var other => throw new ArgumentException($"--start: '{other}' is not spread or together"),
};
var root = Path.Combine(Path.GetTempPath(), "simulator-bench-load", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
Environment.SetEnvironmentVariable("SIMULATOR_BENCH_KEY", "sk-bench");
await using var server = await FakeModelServer.StartAsync(new FakeServerOptions { Latency = latency, ExpectedApiKey = "sk-bench", KeepRequests = Value("--keep-requests") == "true" });

Console.WriteLine($"latency {latency.TotalSeconds:0.###} s, {turns} turns a session, sessions started {(together ? "together" : "spread over one latency")}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine("| sessions N | therapist calls | wall (s) | ideal N/L | calls/s, steady | steady/ideal | calls/s, whole run | whole/ideal | peak working set (MB) | CPU ms per call | GC pause (s) | call − L, mean (ms) | other processes (cores) |");
Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
var diagnostics = new List<string>();
using var gcEvents = new GcListener(sampleAllocations: args.Contains("--allocations"));
using var httpMeters = new HttpMeters();
foreach (var n in sizes.Prepend(4))
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Simulator:PersonasPath"] = Path.Combine(Simulator.Bench.Load.OfflineStudy.FindRepo(), "personas"),
        ["Simulator:ProtocolsPath"] = Path.Combine(Simulator.Bench.Load.OfflineStudy.FindRepo(), "protocols", "therapy"),
        ["Simulator:RunsPath"] = Path.Combine(root, n.ToString(CultureInfo.InvariantCulture)),
        ["Models:Endpoints:local:BaseUrl"] = server.BaseUrl.ToString(),
        ["Models:Endpoints:local:ApiKeyVariable"] = "SIMULATOR_BENCH_KEY",
        ["Models:Endpoints:local:MaxConcurrency"] = (2 * n).ToString(CultureInfo.InvariantCulture),
        ["Models:Endpoints:local:TimeoutSeconds"] = "60",
    }).Build();
    await using var services = new ServiceCollection().AddLogging().AddSimulator(configuration).BuildServiceProvider();
    var runs = services.GetRequiredService<RunService>();
    string[] personas = ["persecutory-delusion", "depression-suicidal", "ocd-checking"];
    server.Clear();
    gcEvents.Clear();
    httpMeters.Clear();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var samples = new List<(double Seconds, int Calls)>();
    using var sampling = new CancellationTokenSource();
    var probe = new LoadProbe();
    var probing = probe.RunAsync(() => server.RequestCount, sampling.Token);
    var startedAt = TimeProvider.System.GetUtcNow();
    var sampler = Task.Run(async () =>
    {
        while (!sampling.IsCancellationRequested)
        {
            samples.Add((watch.Elapsed.TotalSeconds, server.RequestCount));
            await Task.Delay(100, CancellationToken.None);
        }
    });
    var results = await Task.WhenAll(Enumerable.Range(0, n).Select(i => Task.Run(async () =>
    {
        if (!together)
        {
            await Task.Delay(latency * i / n);
        }

        return await runs.RunAsync(
            new RunConfiguration { Persona = personas[i % personas.Length], Therapist = "endpoint:local/fake-model", Turns = n == 4 ? Math.Min(turns, 3) : turns, Seed = i + 1 },
            null,
            CancellationToken.None);
    })));
    var wall = watch.Elapsed.TotalSeconds;
    await sampling.CancelAsync();
    await sampler;
    await probing;
    if (Value("--timeline") is { } timeline)
    {
        probe.WriteTimeline(Path.Combine(timeline, $"timeline-{n}.csv"));
    }
    if (n == 4)
    {
        continue;   // warm-up (3 turns): the first sessions pay for JIT and connection set-up
    }

    // Steady rate: the slope over the middle half of the run, away from ramp-up and wind-down.
    var from = samples.First(x => x.Seconds >= wall * 0.25);
    var to = samples.Last(x => x.Seconds <= wall * 0.75);
    var steady = (to.Calls - from.Calls) / (to.Seconds - from.Seconds);
    var failed = results.Count(r => r.Status != "completed");
    var calls = server.RequestCount;
    var rate = calls / wall;
    var ideal = n / latency.TotalSeconds;
    using var process = Process.GetCurrentProcess();
    var cpuPerCall = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / calls;
    var (callOver, turnTimes) = LoadProbe.TurnTimes(results.Select(r => r.Path), latency, startedAt + TimeSpan.FromSeconds(wall * 0.25), startedAt + TimeSpan.FromSeconds(wall * 0.75));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {n} | {calls} | {wall:0.00} | {ideal:0.0} | {steady:0.0} | {steady / ideal:P1} | {rate:0.0} | {rate / ideal:P1} | {process.PeakWorkingSet64 / 1e6:0} | {cpuPerCall:0.00} | {probe.Paused.TotalSeconds:0.00} | {callOver:0} | {probe.OtherCores:0.00} |{(failed > 0 ? $" {failed} runs failed" : "")}"));
    diagnostics.Add($"N = {n}: {probe.Summary(calls)}; {turnTimes}; {gcEvents.Summary()}; {httpMeters.Summary()}");
    if (args.Contains("--allocations"))
    {
        diagnostics.Add(gcEvents.TopAllocations(40));
    }
}

Console.WriteLine();
diagnostics.ForEach(Console.WriteLine);
Directory.Delete(root, recursive: true);

double Arg(string name, double fallback) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

string? Value(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
