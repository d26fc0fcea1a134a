using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Simulator.Cluster.Grains;
using Simulator.Cluster.Nodes;
using Simulator.Cluster.Tests.Postgres;
using Simulator.Core.Events;
using Simulator.Engine.Studies;
using Simulator.Storage.Runs;
using Simulator.Tests.Shared;

namespace Simulator.Cluster.Tests.Studies;

/// <summary>
/// Issue 10's acceptance test, as users run it: three <c>simulator node</c> processes on loopback with
/// PostgreSQL membership run a 300-session study submitted by <c>simulator study --cluster</c>; halfway,
/// the node holding the study's coordinator (and some of its sessions) is killed with kill -9. The study
/// still ends with 300 complete runs, each with every turn exactly once, and its summary equals the same
/// study run in process.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class NodeLossTests(PostgresServer postgres)
{
    private const int Turns = 20;

    [Fact]
    public async Task ThreeNodes_OneKilledHalfway_StudyEndsWith300CompleteRuns_EachTurnOnce_AndTheInProcessSummary()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var cluster = await postgres.CreateDatabaseAsync("node_loss", limit.Token);
        var cwd = RepoPaths.TempFolder("cluster-node-loss");
        var clusterFile = Path.Combine(cwd, "cluster.yaml");
        await File.WriteAllTextAsync(clusterFile, $"""
            cluster: {cluster.Cluster}
            service: {cluster.Service}
            postgres: "{cluster.Postgres}"
            password_variable: {cluster.PasswordVariable}
            probe_seconds: 1
            missed_probes: 2
            """, limit.Token);
        var studyFile = Path.Combine(cwd, "study.yaml");
        await File.WriteAllTextAsync(studyFile, $"""
            name: three-nodes
            personas: [persecutory-delusion, depression-suicidal, ocd-checking]
            therapists: ["scripted:faithful", "scripted:sycophantic"]
            seeds: [{string.Join(", ", Enumerable.Range(1, 50))}]
            turns: {Turns}
            """, limit.Token);

        // The same study in process, for the summary to compare with.
        await using var bed = new Testbed(cwd);
        var (study, jobs) = bed.Study(await File.ReadAllTextAsync(studyFile, limit.Token));
        Assert.Equal(300, jobs.Count);
        var local = new StudyFolder(Path.Combine(cwd, "local"));
        var inProcess = await bed.Services.GetRequiredService<StudyRunner>().RunAsync(
            study, jobs, local, new StudyOptions(Environment.ProcessorCount, false), new StudyProgress(300, 300L * Turns, TimeProvider.System), limit.Token);
        Assert.Equal(RunStatus.Completed, inProcess.Status);

        var nodes = Enumerable.Range(0, 3).Select(_ => SimulatorProcess.Start(cwd, "node", "--cluster", clusterFile)).ToList();
        try
        {
            foreach (var node in nodes)
            {
                await node.WaitForAsync("joined cluster", TimeSpan.FromMinutes(2));
            }

            // An observer, connected before the study starts, to find the coordinator's node at once.
            await using var observer = await ClusterClient.ConnectAsync(cluster with { ProbeSeconds = 1, MissedProbes = 2 }, Testbed.Quiet, limit.Token);
            var folder = Path.Combine(cwd, "on-cluster");
            using var client = SimulatorProcess.Start(cwd, "study", studyFile, "--cluster", clusterFile, "--out", folder, "--json");
            var waited = Stopwatch.StartNew();
            while (RunManifests.Completed(folder) < 150)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromMinutes(4) && !client.Process.HasExited, $"the study did not get halfway: {client.Stderr}");
                await Task.Delay(50, limit.Token);
            }

            // The node holding the coordinator: the hardest one to lose.
            var coordinator = observer.Client.GetGrain<IStudyCoordinatorGrain>(folder);
            var where = await observer.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(coordinator);
            Assert.NotNull(where);
            var victim = nodes.Single(n => n.Stderr.Contains($"node 127.0.0.1:{where.Endpoint.Port} ", StringComparison.Ordinal));
            victim.Kill();   // kill -9: SIGKILL, no goodbye to the cluster
            var killedAt = RunManifests.Completed(folder);
            Assert.InRange(killedAt, 150, 299);

            var exit = await client.ExitAsync(TimeSpan.FromMinutes(5));
            Assert.True(exit == 0, $"exit {exit}: {client.Stderr}{client.Stdout}");
            var json = JsonDocument.Parse(client.Stdout).RootElement;
            var status = await coordinator.StatusAsync();
            Assert.True(status.Restarts >= 1, "the killed node's sessions were not started again elsewhere");
            Assert.Equal(2, status.Nodes);
            Assert.Equal(300, json.GetProperty("runs").GetInt32());
            Assert.Equal(300, RunManifests.Completed(folder));

            var store = new RunStore(folder);
            foreach (var job in jobs)
            {
                var run = store.Open(job.RunId);
                var turns = RunHistory.Load(store, run).Events.OfType<StateStepped>().Where(e => e.Turn > 0).Select(e => e.Turn);
                Assert.Equal(Enumerable.Range(1, Turns), turns);
            }

            Assert.Equal(await File.ReadAllTextAsync(local.SummaryPath, limit.Token), await File.ReadAllTextAsync(Path.Combine(folder, "summary.csv"), limit.Token));
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }
        }
    }
}
