using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;
using Simulator.Cluster.Hosting;
using Simulator.Cluster.Tests.Nodes;
using Simulator.Cluster.Tests.Postgres;
using Simulator.Cluster.Tests.TestGrains;
using Simulator.Tests.Shared;
using Xunit.Abstractions;

namespace Simulator.Cluster.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ClusterMembershipTests(PostgresServer postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task TwoSilosAndAClient_FormOneCluster_GrainsRunOnBoth()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        var config = await postgres.CreateDatabaseAsync("membership_two_silos", limit.Token);
        await ClusterSchema.ApplyAsync(config, limit.Token);

        await using var first = await TestSilo.StartAsync(config, limit.Token);
        await using var second = await TestSilo.StartAsync(config, limit.Token);
        await using var client = await TestClient.StartAsync(config, limit.Token);

        var nodes = new HashSet<string>();
        for (var key = 0; key < 64 && nodes.Count < 2; key++)
        {
            nodes.Add(await client.Cluster.GetGrain<INodeProbeGrain>(key).NodeAsync().WaitAsync(limit.Token));
        }

        Assert.Equal(new HashSet<string> { first.Address, second.Address }, nodes);
        var hosts = await client.Cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(limit.Token);
        Assert.Equal(2, hosts.Count);
    }

    /// <summary>Three nodes with the default timing (2 s probes, 3 missed): the two left must both vote the killed one dead.</summary>
    [Fact]
    public async Task KilledNode_IsDeclaredDeadByTheOthers_AndItsRowCleanedUp()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var config = await postgres.CreateDatabaseAsync("membership_killed_node", limit.Token);
        await ClusterSchema.ApplyAsync(config, limit.Token);

        await using var survivor = await TestSilo.StartAsync(config, limit.Token);
        await using var witness = await TestSilo.StartAsync(config, limit.Token);
        await using var doomed = await NodeProcess.StartAsync(config, RepoPaths.TempFolder("cluster-node"), limit.Token);
        var management = survivor.Grains.GetGrain<IManagementGrain>(0);
        await WaitForAsync(async () => (await management.GetHosts(onlyActive: true)).Count == 3, limit.Token);

        doomed.Kill();
        var clock = Stopwatch.StartNew();
        await WaitForAsync(async () => !(await management.GetHosts(onlyActive: true)).Keys.Any(a => a.ToParsableString() == doomed.Address), limit.Token);
        clock.Stop();
        output.WriteLine($"declared dead {clock.Elapsed.TotalSeconds:0.0} s after the kill");

        // Suspected after missed_probes probes of at most twice probe_seconds each, then declared on the votes.
        var bound = TimeSpan.FromSeconds((config.ProbeSeconds * 2 * config.MissedProbes) + 8);
        Assert.True(clock.Elapsed < bound, $"declared dead after {clock.Elapsed.TotalSeconds:0.0} s, expected under {bound.TotalSeconds} s");
        Assert.Equal(2, (await management.GetHosts(onlyActive: true)).Count);
        Assert.Equal(SiloStatus.Dead, (SiloStatus)await StatusAsync("membership_killed_node", doomed.Address, limit.Token));

        // The provider's cleanup of dead rows (its optional CleanupDefunctSiloEntryKey query) removes the row.
        var table = survivor.Services.GetRequiredService<IMembershipTable>();
        await table.CleanupDefunctSiloEntriesAsync(TimeProvider.System.GetUtcNow().AddHours(1), limit.Token);
        Assert.Equal(-1, await StatusAsync("membership_killed_node", doomed.Address, limit.Token));
        Assert.Equal(2, (await table.ReadAllAsync(limit.Token)).Members.Count);
    }

    /// <summary>
    /// Two nodes, one frozen (its probes time out instead of being refused), with short probes: the one left
    /// declares it dead alone, as Orleans asks for at most half the active nodes' votes.
    /// </summary>
    [Fact]
    public async Task FrozenNode_IsDeclaredDeadByTheOnlyOther()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        var config = await postgres.CreateDatabaseAsync("membership_frozen_node", limit.Token) with { ProbeSeconds = 1, MissedProbes = 2 };
        await ClusterSchema.ApplyAsync(config, limit.Token);

        await using var survivor = await TestSilo.StartAsync(config, limit.Token);
        await using var frozen = await NodeProcess.StartAsync(config, RepoPaths.TempFolder("cluster-node"), limit.Token);
        var management = survivor.Grains.GetGrain<IManagementGrain>(0);
        await WaitForAsync(async () => (await management.GetHosts(onlyActive: true)).Count == 2, limit.Token);

        await frozen.FreezeAsync(limit.Token);
        var clock = Stopwatch.StartNew();
        await WaitForAsync(async () => (await management.GetHosts(onlyActive: true)).Count == 1, limit.Token);
        clock.Stop();
        output.WriteLine($"declared dead {clock.Elapsed.TotalSeconds:0.0} s after the freeze");

        // Each missed probe may wait up to twice probe_seconds; then one vote and a table write.
        var bound = TimeSpan.FromSeconds((config.ProbeSeconds * 2 * config.MissedProbes) + 8);
        Assert.True(clock.Elapsed < bound, $"declared dead after {clock.Elapsed.TotalSeconds:0.0} s, expected under {bound.TotalSeconds} s");
        Assert.Equal(SiloStatus.Dead, (SiloStatus)await StatusAsync("membership_frozen_node", frozen.Address, limit.Token));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition().WaitAsync(cancellationToken))
        {
            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>The membership row's status of the silo <paramref name="address"/> (in parsable form), or -1 if it has none.</summary>
    private async Task<int> StatusAsync(string database, string address, CancellationToken cancellationToken)
    {
        var silo = SiloAddress.FromParsableString(address);
        await using var connection = await postgres.OpenAsync(database, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT status FROM cluster_member WHERE address = @a AND port = @p AND generation = @g", connection);
        command.Parameters.AddWithValue("a", silo.Endpoint.Address.ToString());
        command.Parameters.AddWithValue("p", silo.Endpoint.Port);
        command.Parameters.AddWithValue("g", silo.Generation);
        return await command.ExecuteScalarAsync(cancellationToken) is int status ? status : -1;
    }
}
