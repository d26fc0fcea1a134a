using Npgsql;
using NpgsqlTypes;
using Simulator.Cluster.Hosting;
using Simulator.Cluster.Tests.Nodes;
using Simulator.Cluster.Tests.Postgres;
using Simulator.Cluster.Tests.TestGrains;

namespace Simulator.Cluster.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ClusterStateTests(PostgresServer postgres)
{
    [Fact]
    public async Task PersistentState_WrittenOnOneSilo_IsReadBackByTheNext()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        var config = await postgres.CreateDatabaseAsync("state_next_silo", limit.Token);
        await ClusterSchema.ApplyAsync(config, limit.Token);

        await using (var first = await TestSilo.StartAsync(config, limit.Token))
        {
            var tally = first.Grains.GetGrain<ITallyGrain>("sessions");
            await tally.AddAsync(5).WaitAsync(limit.Token);
            Assert.Equal(7, await tally.AddAsync(2).WaitAsync(limit.Token));
        }

        await using var next = await TestSilo.StartAsync(config, limit.Token);
        var again = next.Grains.GetGrain<ITallyGrain>("sessions");
        Assert.Equal(7, await again.TotalAsync().WaitAsync(limit.Token));
        Assert.Equal(8, await again.AddAsync(1).WaitAsync(limit.Token));
        await again.ClearAsync().WaitAsync(limit.Token);
        Assert.Equal(0, await again.TotalAsync().WaitAsync(limit.Token));

        // Three writes and a clear: version 4, the row kept without a payload.
        await using var connection = await postgres.OpenAsync("state_next_silo", limit.Token);
        await using var command = new NpgsqlCommand("SELECT version, payload IS NULL FROM grain_state WHERE service_id = 'state_next_silo'", connection);
        await using var reader = await command.ExecuteReaderAsync(limit.Token);
        Assert.True(await reader.ReadAsync(limit.Token));
        Assert.Equal((4, true), (reader.GetInt32(0), reader.GetBoolean(1)));
        Assert.False(await reader.ReadAsync(limit.Token));
    }

    /// <summary>
    /// The stored queries answer as the 10.4.2 persistence provider expects, run with its parameter names and types:
    /// a write from a stale version, a clear or delete from one, and a first write over an existing row all answer null.
    /// </summary>
    [Fact]
    public async Task StoredStateQueries_StaleVersions_AnswerNull()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var config = await postgres.CreateDatabaseAsync("state_queries", limit.Token);
        await ClusterSchema.ApplyAsync(config, limit.Token);
        await using var connection = await postgres.OpenAsync("state_queries", limit.Token);

        async Task<object?> Run(string key, int? version, string? extension = "ext")
        {
            await using var command = new NpgsqlCommand(await QueryAsync(connection, key, limit.Token), connection);
            command.Parameters.Add(new NpgsqlParameter("GrainIdHash", 12345));
            command.Parameters.Add(new NpgsqlParameter("GrainIdN0", 7L));
            command.Parameters.Add(new NpgsqlParameter("GrainIdN1", 8L));
            command.Parameters.Add(new NpgsqlParameter("GrainTypeHash", 678));
            command.Parameters.Add(new NpgsqlParameter("GrainTypeString", "tests.tally"));
            command.Parameters.Add(new NpgsqlParameter("GrainIdExtensionString", NpgsqlDbType.Text) { Value = (object?)extension ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("ServiceId", "state_queries"));
            command.Parameters.Add(new NpgsqlParameter("GrainStateVersion", NpgsqlDbType.Integer) { Value = (object?)version ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("PayloadBinary", new byte[] { 1, 2, 3 }));
            var answer = await command.ExecuteScalarAsync(limit.Token);
            return answer is DBNull ? null : answer;
        }

        Assert.Null(await Run("ReadFromStorageKey", null));
        Assert.Equal(1, await Run("WriteToStorageKey", null));
        Assert.Null(await Run("WriteToStorageKey", null));
        Assert.Equal(2, await Run("WriteToStorageKey", 1));
        Assert.Null(await Run("WriteToStorageKey", 1));
        Assert.Null(await Run("ClearStorageKey", 1));
        Assert.Equal(3, await Run("ClearStorageKey", 2));
        Assert.Null(await Run("DeleteStorageKey", 2));
        Assert.Equal(4, await Run("DeleteStorageKey", 3));
        Assert.Null(await Run("ReadFromStorageKey", null));

        // A null key extension and an empty one are different grains.
        Assert.Equal(1, await Run("WriteToStorageKey", null, extension: null));
        Assert.Equal(1, await Run("WriteToStorageKey", null, extension: ""));
    }

    private static async Task<string> QueryAsync(NpgsqlConnection connection, string key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @key", connection);
        command.Parameters.AddWithValue("key", key);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
