using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Simulator.Storage.Runs.Catalog;

/// <summary>
/// Writes rows of the catalog in one immediate transaction (the write lock is taken first, so a
/// concurrent writer waits instead of failing), with every statement prepared once.
/// </summary>
internal sealed class CatalogWriter : IDisposable
{
    private readonly SqliteTransaction _tx;
    private readonly SqliteCommand _deleteRun;
    private readonly SqliteCommand _deleteMetrics;
    private readonly SqliteCommand _deleteValues;
    private readonly SqliteCommand _putRun;
    private readonly SqliteCommand _putMetric;
    private readonly SqliteCommand _putValue;

    public CatalogWriter(SqliteConnection db)
    {
        _tx = db.BeginTransaction(deferred: false);
        _deleteRun = Prepare(db, "DELETE FROM runs WHERE id = $p0", 1);
        _deleteMetrics = Prepare(db, "DELETE FROM run_metrics WHERE run = $p0", 1);
        _deleteValues = Prepare(db, "DELETE FROM run_values WHERE run = $p0", 1);
        var runColumns = CatalogSchema.RunColumns;
        _putRun = Prepare(db, $"INSERT OR REPLACE INTO runs ({string.Join(", ", runColumns)}) VALUES ({Parameters(runColumns.Count)})", runColumns.Count);
        var metricColumns = CatalogSchema.MetricAggregates.Select(a => $"\"{a}\"");
        _putMetric = Prepare(db, $"INSERT OR REPLACE INTO run_metrics (run, metric, {string.Join(", ", metricColumns)}) VALUES ({Parameters(2 + CatalogSchema.MetricAggregates.Count)})", 2 + CatalogSchema.MetricAggregates.Count);
        _putValue = Prepare(db, "INSERT OR REPLACE INTO run_values (run, key, value) VALUES ($p0, $p1, $p2)", 3);
    }

    /// <summary>Removes a run and its aggregates.</summary>
    public void Delete(string runId)
    {
        Run(_deleteMetrics, runId);
        Run(_deleteValues, runId);
        Run(_deleteRun, runId);
    }

    /// <summary>Replaces a run's row and aggregates.</summary>
    public void Put(IndexedRun run)
    {
        var id = run.Folder.RunId;
        Run(_deleteMetrics, id);
        Run(_deleteValues, id);
        var m = run.Manifest;
        var c = m?.Configuration;
        Run(
            _putRun,
            id,
            run.Stamp,
            run.ManifestError,
            run.LogError,
            m?.CreatedAt.ToString("o", CultureInfo.InvariantCulture),
            m?.CreatedAt.UtcTicks,
            m?.UpdatedAt.ToString("o", CultureInfo.InvariantCulture),
            m?.Status,
            c?.Persona,
            c?.Variant,
            c?.Therapist,
            c?.Patient,
            c?.Protocol,
            c?.Style,
            c?.Seed,
            c?.Turns,
            m is null ? null : run.LogTurns ?? m.TurnsCompleted,
            m?.ParentRunId,
            m?.ParentTurn,
            m?.ContentHash,
            c?.Monitor,
            m?.EndReason);

        var flat = run.Aggregates.Flat;
        var perMetric = new HashSet<string>(StringComparer.Ordinal);
        foreach (var metric in run.Aggregates.Metrics)
        {
            var values = new object?[2 + CatalogSchema.MetricAggregates.Count];
            values[0] = id;
            values[1] = metric;
            for (var i = 0; i < CatalogSchema.MetricAggregates.Count; i++)
            {
                var key = $"{metric}.{CatalogSchema.MetricAggregates[i]}";
                values[2 + i] = flat.GetValueOrDefault(key);
                perMetric.Add(key);
            }

            Run(_putMetric, values);
        }

        foreach (var (key, value) in flat)
        {
            if (!perMetric.Contains(key))
            {
                Run(_putValue, id, key, value);
            }
        }
    }

    /// <summary>Makes the writes durable and visible.</summary>
    public void Commit() => _tx.Commit();

    /// <summary>Rolls back what was not committed.</summary>
    public void Dispose()
    {
        foreach (var command in new[] { _deleteRun, _deleteMetrics, _deleteValues, _putRun, _putMetric, _putValue })
        {
            command.Dispose();
        }

        _tx.Dispose();
    }

    private static string Parameters(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => $"$p{i}"));

    private static SqliteCommand Prepare(SqliteConnection db, string sql, int parameters)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value));
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }
}
