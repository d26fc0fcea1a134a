using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Simulator.Cluster.Grains;
using Simulator.Cluster.Hosting;
using Simulator.Cluster.Nodes;
using Simulator.Cluster.Tests.Postgres;
using Simulator.Engine.Studies;
using Simulator.FakeModelServer;
using Simulator.Models.Endpoints;
using Simulator.Storage.Runs;
using Simulator.Tests.Shared;

namespace Simulator.Cluster.Tests.Studies;

/// <summary>
/// Studies on a cluster of nodes in this process (each node its own host and services, as separate
/// processes would be), against a real PostgreSQL: the same runs as in process, and endpoint limits
/// that hold for the cluster, not per node.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class InProcessClusterTests(PostgresServer postgres)
{
    [Fact]
    public async Task StudyOnTwoNodes_GivesTheSameSummary_AsTheStudyRunInProcess_WithSessionsOnBothNodes()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var cluster = await postgres.CreateDatabaseAsync("same_runs", limit.Token);
        await ClusterSchema.ApplyAsync(cluster, limit.Token);
        await using var bed = new Testbed(RepoPaths.TempFolder("cluster-same"));
        var (study, jobs) = bed.Study("""
            name: same
            personas: [persecutory-delusion, depression-suicidal]
            therapists: ["scripted:faithful", "scripted:sycophantic"]
            seeds: [1, 2, 3]
            turns: 12
            """);
        var runner = bed.Services.GetRequiredService<StudyRunner>();
        var local = new StudyFolder(Path.Combine(bed.Root, "local"));
        var inProcess = await runner.RunAsync(study, jobs, local, new StudyOptions(2, false), Progress(jobs), limit.Token);
        Assert.Equal(RunStatus.Completed, inProcess.Status);

        await bed.StartNodeAsync(cluster);
        await bed.StartNodeAsync(cluster);
        await using var connection = await ClusterClient.ConnectAsync(cluster, Testbed.Quiet, limit.Token);
        var executor = connection.Executor(bed.Services.GetRequiredService<EndpointSlots>(), TimeProvider.System);
        var remote = new StudyFolder(Path.Combine(bed.Root, "cluster"));
        var progress = Progress(jobs);
        var onCluster = await runner.RunAsync(study, jobs, remote, new StudyOptions(null, false), progress, executor, limit.Token);

        Assert.Equal(RunStatus.Completed, onCluster.Status);
        Assert.Equal(12, onCluster.Completed);
        Assert.Equal(await File.ReadAllTextAsync(local.SummaryPath), await File.ReadAllTextAsync(remote.SummaryPath));
        Assert.Equal(12 * 12, progress.Snapshot().Turns);
        var status = await connection.Client.GetGrain<IStudyCoordinatorGrain>(Path.GetFullPath(remote.Path)).StatusAsync();
        Assert.Equal(2, status.Ended.Select(r => r.Node).Distinct().Count());
    }

    [Fact]
    public async Task EndpointLimit_HoldsForTheWholeCluster_NotPerNode()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var cluster = await postgres.CreateDatabaseAsync("endpoint_limit", limit.Token);
        await ClusterSchema.ApplyAsync(cluster, limit.Token);

        // The server counts requests between arrival and answer: an upper bound of those in flight.
        var inFlight = 0;
        var most = 0;
        await using var server = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions
        {
            Latency = TimeSpan.FromMilliseconds(150),
            FaultFor = _ =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref most, now);
                return FaultKind.None;
            },
            Reply = _ =>
            {
                Interlocked.Decrement(ref inFlight);
                return "That sounds hard. What happened next?";
            },
        }, limit.Token);

        // The client sees room for every session; each node's endpoint allows 2 requests at once, which
        // per node would let 4 through on two nodes: only the cluster's limiter keeps it at 2.
        var endpoint = new Dictionary<string, string?>
        {
            ["Models:Endpoints:local:BaseUrl"] = server.BaseUrl.ToString(),
            ["Models:Endpoints:local:TimeoutSeconds"] = "30",
        };
        await using var bed = new Testbed(
            RepoPaths.TempFolder("cluster-limit"),
            new Dictionary<string, string?>(endpoint) { ["Models:Endpoints:local:MaxConcurrency"] = "64" },
            new Dictionary<string, string?> { ["Models:Endpoints:local:MaxConcurrency"] = "2" });
        var (study, jobs) = bed.Study("""
            name: limit
            personas: [persecutory-delusion, depression-suicidal]
            therapists: ["endpoint:local/fake-model"]
            seeds: [1, 2, 3, 4]
            turns: 5
            """);
        await bed.StartNodeAsync(cluster);
        await bed.StartNodeAsync(cluster);
        await using var connection = await ClusterClient.ConnectAsync(cluster, Testbed.Quiet, limit.Token);
        var executor = connection.Executor(bed.Services.GetRequiredService<EndpointSlots>(), TimeProvider.System);

        var result = await bed.Services.GetRequiredService<StudyRunner>().RunAsync(
            study, jobs, new StudyFolder(Path.Combine(bed.Root, "limit")), new StudyOptions(8, false), Progress(jobs), executor, limit.Token);

        Assert.True(result.Status == RunStatus.Completed, string.Join("; ", result.Failed.Select(f => $"{f.Key}: {f.Value}")));
        Assert.Equal(8 * 5, server.RequestCount);
        Assert.Equal(2, Volatile.Read(ref most));
    }

    private static StudyProgress Progress(IReadOnlyList<Core.Studies.StudyJob> jobs) =>
        new(jobs.Count, jobs.Sum(j => (long)j.Configuration.TotalTurns), TimeProvider.System);

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}
