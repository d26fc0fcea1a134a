using Microsoft.Data.Sqlite;

namespace Simulator.Storage.Runs.Catalog;

/// <summary>Reads one run's stored aggregates back under their flat keys.</summary>
internal static class CatalogAggregatesReader
{
    public static IReadOnlyDictionary<string, double?> Read(SqliteConnection db, string runId)
    {
        var flat = new SortedDictionary<string, double?>(StringComparer.Ordinal);
        using (var metrics = db.CreateCommand())
        {
            metrics.CommandText = $"SELECT metric, {string.Join(", ", CatalogSchema.MetricAggregates.Select(a => $"\"{a}\""))} FROM run_metrics WHERE run IN (SELECT key FROM runs WHERE id = $run)";
            metrics.Parameters.AddWithValue("$run", runId);
            using var reader = metrics.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < CatalogSchema.MetricAggregates.Count; i++)
                {
                    flat[$"{reader.GetString(0)}.{CatalogSchema.MetricAggregates[i]}"] = reader.IsDBNull(i + 1) ? null : reader.GetDouble(i + 1);
                }
            }
        }

        using var values = db.CreateCommand();
        values.CommandText = "SELECT key, value FROM run_values WHERE run IN (SELECT key FROM runs WHERE id = $run)";
        values.Parameters.AddWithValue("$run", runId);
        using (var reader = values.ExecuteReader())
        {
            while (reader.Read())
            {
                flat[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetDouble(1);
            }
        }

        return flat;
    }
}
