using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;
using Orleans.Runtime.MembershipService;
using Orleans.Storage;
using Simulator.Cluster.Hosting;
using Simulator.Cluster.Tests.Nodes;
using Simulator.Cluster.Tests.Postgres;
using Simulator.Core.Validation;
using Simulator.Tests.Shared;

namespace Simulator.Cluster.Tests;

[Collection(PostgresCollection.Name)]
public sealed partial class ClusterSchemaTests(PostgresServer postgres)
{
    [Fact]
    public async Task ApplyAsync_Twice_SecondCallChangesNothing()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var config = await postgres.CreateDatabaseAsync("schema_twice", limit.Token);

        Assert.Equal(3, await ClusterSchema.ApplyAsync(config, limit.Token));
        Assert.Equal(0, await ClusterSchema.ApplyAsync(config, limit.Token));

        Assert.Equal([1, 2, 3], await VersionsAsync("schema_twice", limit.Token));
    }

    [Fact]
    public async Task ApplyAsync_ThreeNodesAtOnce_EachScriptAppliedOnce()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var config = await postgres.CreateDatabaseAsync("schema_concurrent", limit.Token);

        var applied = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => ClusterSchema.ApplyAsync(config, limit.Token))));

        Assert.Equal(3, applied.Sum());
        Assert.Contains(3, applied);
        Assert.Equal([1, 2, 3], await VersionsAsync("schema_concurrent", limit.Token));
    }

    /// <summary>
    /// The contract, read from the 10.4.2 providers themselves: every query key the clustering provider requires
    /// (the properties of its internal DbStoredQueries) and the persistence provider loads (its initialization query).
    /// </summary>
    [Fact]
    public async Task ApplyAsync_StoresEveryQueryTheProvidersRead()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var config = await postgres.CreateDatabaseAsync("schema_contract", limit.Token);
        await ClusterSchema.ApplyAsync(config, limit.Token);

        var stored = await QueryKeysAsync("schema_contract", limit.Token);

        var clusteringKeys = typeof(AdoNetClusteringTable).Assembly.GetType("Orleans.Clustering.AdoNet.Storage.DbStoredQueries", throwOnError: true)!
            .GetProperties(BindingFlags.Instance | BindingFlags.NonPublic).Select(p => p.Name).ToList();
        var storageKeys = QuotedKey().Matches(AdoNetGrainStorage.DefaultInitializationQuery).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(9, clusteringKeys.Count);
        Assert.Equal(["WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey"], storageKeys);
        Assert.Empty(clusteringKeys.Concat(storageKeys).Except(stored));

        // Optional in 10.4.2 (used for cleanup when present), and ours.
        Assert.Contains("CleanupDefunctSiloEntryKey", stored);
    }

    [Fact]
    public async Task ApplyAsync_WrongPassword_NamesPasswordVariableInTheFile()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var config = await postgres.CreateDatabaseAsync("schema_wrong_password", limit.Token);
        const string variable = "SIMULATOR_TEST_WRONG_PASSWORD";
        const string wrong = "not-the-password-1234";
        Environment.SetEnvironmentVariable(variable, wrong);
        var file = ClusterFileWriter.Write(config with { PasswordVariable = variable }, Path.Combine(RepoPaths.TempFolder("cluster"), "cluster.yaml")).File;

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => ClusterSchema.ApplyAsync(ClusterFile.Load(file), limit.Token));

        Assert.Equal("password_variable", error.Field);
        Assert.Equal(file, error.File);
        Assert.Equal(4, error.Line);
        Assert.Contains("refused the password", error.Message, StringComparison.Ordinal);
        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_PasswordVariableUnset_NamesPasswordVariable()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var config = await postgres.CreateDatabaseAsync("schema_unset_variable", limit.Token) with { PasswordVariable = "SIMULATOR_TEST_NEVER_SET" };

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => ClusterSchema.ApplyAsync(config, limit.Token));

        Assert.Equal("password_variable", error.Field);
        Assert.Contains("SIMULATOR_TEST_NEVER_SET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_NoPasswordForAServerThatAsks_NamesPasswordVariable()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var config = await postgres.CreateDatabaseAsync("schema_no_password", limit.Token) with { PasswordVariable = null };

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => ClusterSchema.ApplyAsync(config, limit.Token));

        Assert.Equal("password_variable", error.Field);
    }

    [Fact]
    public async Task ApplyAsync_NothingListensOnThePort_NamesPostgres()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var config = new ClusterConfig { Postgres = $"Host=127.0.0.1;Port={ClusterHosting.FreePort()};Database=simulator;Username=simulator;Timeout=5" };

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => ClusterSchema.ApplyAsync(config, limit.Token));

        Assert.Equal("postgres", error.Field);
        Assert.Contains("cannot reach PostgreSQL at 127.0.0.1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_MissingDatabase_NamesPostgres()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var config = await postgres.CreateDatabaseAsync("schema_missing_database", limit.Token);
        config = config with { Postgres = config.Postgres.Replace("schema_missing_database", "no_such_database", StringComparison.Ordinal) };

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => ClusterSchema.ApplyAsync(config, limit.Token));

        Assert.Equal("postgres", error.Field);
        Assert.Contains("database 'no_such_database' does not exist", error.Message, StringComparison.Ordinal);
    }

    private async Task<List<int>> VersionsAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = await postgres.OpenAsync(database, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT version FROM simulator_cluster_schema ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private async Task<List<string>> QueryKeysAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = await postgres.OpenAsync(database, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    [GeneratedRegex("'([A-Za-z]+Key)'")]
    private static partial Regex QuotedKey();
}
