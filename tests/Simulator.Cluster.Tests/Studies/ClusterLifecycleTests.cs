using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Simulator.Cluster.Grains;
using Simulator.Cluster.Hosting;
using Simulator.Cluster.Nodes;
using Simulator.Cluster.Tests.Postgres;
using Simulator.Engine.Studies;
using Simulator.Models.Endpoints;
using Simulator.Storage.Runs;
using Simulator.Tests.Shared;

namespace Simulator.Cluster.Tests.Studies;

/// <summary>A cluster study's life: a node that joins mid-study takes sessions; Ctrl+C stops it resumable; no node at all is a clear error.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterLifecycleTests(PostgresServer postgres)
{
    private const string Study = """
        name: lifecycle
        personas: [persecutory-delusion, depression-suicidal]
        therapists: ["scripted:faithful", "scripted:sycophantic"]
        seeds: [1, 2, 3, 4, 5, 6]
        turns: 150
        """;

    [Fact]
    public async Task NodeThatJoinsMidStudy_TakesSessions()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var cluster = await postgres.CreateDatabaseAsync("node_joins", limit.Token);
        await ClusterSchema.ApplyAsync(cluster, limit.Token);
        await using var bed = new Testbed(RepoPaths.TempFolder("cluster-join"));
        var (study, jobs) = bed.Study(Study);
        var first = await bed.StartNodeAsync(cluster);
        await using var connection = await ClusterClient.ConnectAsync(cluster, Testbed.Quiet, limit.Token);
        var folder = new StudyFolder(Path.Combine(bed.Root, "join"));
        var running = bed.Services.GetRequiredService<StudyRunner>().RunAsync(
            study, jobs, folder, new StudyOptions(2, false), Progress(jobs), Executor(connection, bed), limit.Token);

        while (CompletedRuns(folder) < 2)
        {
            Assert.False(running.IsCompleted, "the study ended before the second node joined");
            await Task.Delay(20, limit.Token);
        }

        var second = await bed.StartNodeAsync(cluster);
        var result = await running;

        Assert.Equal(RunStatus.Completed, result.Status);
        var status = await connection.Client.GetGrain<IStudyCoordinatorGrain>(Path.GetFullPath(folder.Path)).StatusAsync();
        var secondAddress = second.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();
        Assert.Contains(status.Ended, r => r.Node == secondAddress);
        Assert.Equal(2, status.Nodes);
        Assert.NotNull(first);
    }

    [Fact]
    public async Task CancelledMidStudy_EndsCancelledAndResumable_ThenResumedToTheInProcessSummary()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var cluster = await postgres.CreateDatabaseAsync("cancel_resume", limit.Token);
        await ClusterSchema.ApplyAsync(cluster, limit.Token);
        await using var bed = new Testbed(RepoPaths.TempFolder("cluster-cancel"));
        var (study, jobs) = bed.Study(Study);
        var runner = bed.Services.GetRequiredService<StudyRunner>();
        var local = new StudyFolder(Path.Combine(bed.Root, "local"));
        Assert.Equal(RunStatus.Completed, (await runner.RunAsync(study, jobs, local, new StudyOptions(2, false), Progress(jobs), limit.Token)).Status);

        await bed.StartNodeAsync(cluster);
        await bed.StartNodeAsync(cluster);
        await using var connection = await ClusterClient.ConnectAsync(cluster, Testbed.Quiet, limit.Token);
        var folder = new StudyFolder(Path.Combine(bed.Root, "cancel"));
        using var stop = new CancellationTokenSource();
        var running = runner.RunAsync(study, jobs, folder, new StudyOptions(4, false), Progress(jobs), Executor(connection, bed), stop.Token);
        while (CompletedRuns(folder) < 3)
        {
            Assert.False(running.IsCompleted, "the study ended before it was cancelled");
            await Task.Delay(20, limit.Token);
        }

        await stop.CancelAsync();
        var stopped = await running.WaitAsync(limit.Token);
        Assert.Equal(RunStatus.Cancelled, stopped.Status);
        Assert.InRange(stopped.Completed, 3, jobs.Count - 1);
        Assert.Empty(stopped.Failed);

        var resumed = await runner.RunAsync(study, jobs, folder, new StudyOptions(4, true), Progress(jobs), Executor(connection, bed), limit.Token);

        Assert.Equal(RunStatus.Completed, resumed.Status);
        Assert.Equal(stopped.Completed, resumed.Skipped);
        Assert.Equal(await File.ReadAllTextAsync(local.SummaryPath, limit.Token), await File.ReadAllTextAsync(folder.SummaryPath, limit.Token));
    }

    [Fact]
    public async Task NoNodeRunning_IsAClearError()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var cluster = await postgres.CreateDatabaseAsync("no_node", limit.Token) with { File = "cluster.yaml" };
        await ClusterSchema.ApplyAsync(cluster, limit.Token);

        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() => ClusterClient.ConnectAsync(cluster, Testbed.Quiet, limit.Token, TimeSpan.FromSeconds(3)));

        Assert.Contains("no node of cluster 'no_node'", error.Message, StringComparison.Ordinal);
        Assert.Contains("simulator node --cluster cluster.yaml", error.Message, StringComparison.Ordinal);
    }

    private static Executor.ClusterSessionExecutor Executor(ClusterClient connection, Testbed bed) =>
        connection.Executor(bed.Services.GetRequiredService<EndpointSlots>(), TimeProvider.System);

    private static StudyProgress Progress(IReadOnlyList<Core.Studies.StudyJob> jobs) =>
        new(jobs.Count, jobs.Sum(j => (long)j.Configuration.TotalTurns), TimeProvider.System);

    private static int CompletedRuns(StudyFolder folder) =>
        !Directory.Exists(folder.Path) ? 0 : folder.Runs.List().Runs.Count(r => r.Manifest.Status == RunStatus.Completed);
}
