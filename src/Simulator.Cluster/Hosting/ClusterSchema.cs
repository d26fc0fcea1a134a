using System.Globalization;
using Npgsql;
using Simulator.Core.Validation;

namespace Simulator.Cluster.Hosting;

/// <summary>
/// Creates the cluster's tables and named queries in its PostgreSQL database (the scripts in
/// <c>Schema/*.sql</c>, which implement the query contract of Orleans' ADO.NET clustering and
/// persistence providers). Every node calls it at start: it applies each script once, under a
/// transaction-scoped advisory lock, and records it in <c>simulator_cluster_schema</c>, so concurrent
/// and repeated calls are safe and a call on an up-to-date database changes nothing.
/// </summary>
public static class ClusterSchema
{
    /// <summary>The advisory lock every node takes to apply scripts ("SIMCLUS" in ASCII).</summary>
    internal const long LockKey = 0x53494D434C5553;

    /// <summary>The table that records which scripts were applied.</summary>
    internal const string MarkerTable = "simulator_cluster_schema";

    private const string ResourcePrefix = "Simulator.Cluster.Schema.";

    /// <summary>The scripts, in the order they apply, numbered by the digits their names start with.</summary>
    internal static IReadOnlyList<(int Version, string Name, string Sql)> Scripts { get; } = LoadScripts();

    /// <summary>The schema version the scripts bring a database to (the last script's number).</summary>
    public static int Version => Scripts[^1].Version;

    /// <summary>
    /// Applies the scripts the database of <paramref name="config"/> lacks.
    /// </summary>
    /// <returns>How many scripts this call applied: 0 when the database was up to date.</returns>
    /// <exception cref="InvalidInputException">
    /// The database cannot be reached or used (unreachable server, refused password, missing database, no right to
    /// create tables); the error names the cluster file and its field <c>postgres</c> or <c>password_variable</c>.
    /// </exception>
    public static async Task<int> ApplyAsync(ClusterConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var dataSource = ClusterDatabase.Open(config);
        await using (dataSource.ConfigureAwait(false))
        {
            try
            {
                return await ApplyScriptsAsync(dataSource, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ClusterDatabase.IsDatabaseProblem(ex) && !cancellationToken.IsCancellationRequested)
            {
                throw ClusterDatabase.Explain(config, ex);
            }
        }
    }

    private static async Task<int> ApplyScriptsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // The common case, every node after the first: up to date, checked without waiting on the lock.
            if (await AppliedVersionAsync(connection, null, cancellationToken).ConfigureAwait(false) >= Version)
            {
                return 0;
            }

            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, $"""
                    CREATE TABLE IF NOT EXISTS {MarkerTable}
                    (
                        version    integer     PRIMARY KEY,
                        script     text        NOT NULL,
                        applied_at timestamptz NOT NULL DEFAULT now()
                    )
                    """, cancellationToken).ConfigureAwait(false);

                // Another node may have applied them while this one waited for the lock.
                var applied = await AppliedVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                var missing = Scripts.Where(s => s.Version > applied).ToList();
                foreach (var (version, name, sql) in missing)
                {
                    await ExecuteAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
                    var mark = new NpgsqlCommand($"INSERT INTO {MarkerTable} (version, script) VALUES (@version, @script)", connection, transaction);
                    await using (mark.ConfigureAwait(false))
                    {
                        mark.Parameters.AddWithValue("version", version);
                        mark.Parameters.AddWithValue("script", name);
                        await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return missing.Count;
            }
        }
    }

    /// <summary>The highest script version recorded, or 0 when none is (or the marker table does not exist yet).</summary>
    private static async Task<int> AppliedVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var exists = new NpgsqlCommand($"SELECT to_regclass('{MarkerTable}') IS NOT NULL", connection, transaction);
        await using (exists.ConfigureAwait(false))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                return 0;
            }
        }

        var max = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {MarkerTable}", connection, transaction);
        await using (max.ConfigureAwait(false))
        {
            return Convert.ToInt32(await max.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static List<(int Version, string Name, string Sql)> LoadScripts()
    {
        var assembly = typeof(ClusterSchema).Assembly;
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            var digits = new string(name.TakeWhile(char.IsAsciiDigit).ToArray());
            if (digits.Length == 0)
            {
                throw new InvalidOperationException($"the schema script {name} does not start with its number");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add((int.Parse(digits, CultureInfo.InvariantCulture), name, reader.ReadToEnd()));
        }

        if (scripts.Count == 0)
        {
            throw new InvalidOperationException("the schema scripts are not embedded in the assembly");
        }

        return [.. scripts.OrderBy(s => s.Item1)];
    }
}
