using Microsoft.Data.Sqlite;

namespace Simulator.Storage.Runs.Catalog;

/// <summary>
/// Brings the catalog up to date with the run folders: indexes the runs that are new or whose
/// files changed (<see cref="IndexedRun.StampOf"/>) and removes the rows of folders that are gone.
/// With nothing changed it only reads: one stat per run (two for a running run) against the stored stamps.
/// </summary>
internal static class CatalogSync
{
    /// <summary>Runs indexed per transaction: progress survives an interrupted rebuild, and a writer never holds the lock long.</summary>
    private const int BatchSize = 256;

    public static (int Runs, int Indexed, int Removed) Run(SqliteConnection db, RunStore store, RunAggregator aggregate)
    {
        var known = Stored(db);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var changed = new List<(RunFolder Folder, string Manifest, string Log)>();
        foreach (var folder in store.Folders())
        {
            var manifest = IndexedRun.StampOf(new FileInfo(folder.ManifestPath));
            if (manifest == "-" && !File.Exists(folder.EventsPath) && !File.Exists(folder.EventsPath + ".rewrite"))
            {
                // A folder being created (or emptied): nothing of a run in it yet. One with a log but no manifest is listed, as orphaned.
                continue;
            }

            seen.Add(folder.RunId);
            if (!known.TryGetValue(folder.RunId, out var stored) || !string.Equals(stored.Manifest, manifest, StringComparison.Ordinal))
            {
                changed.Add((folder, manifest, IndexedRun.StampOf(new FileInfo(folder.EventsPath))));
            }
            else if (stored.WatchLog && IndexedRun.StampOf(new FileInfo(folder.EventsPath)) is var log && !string.Equals(stored.Log, log, StringComparison.Ordinal))
            {
                changed.Add((folder, manifest, log));
            }
        }

        var gone = known.Keys.Where(id => !seen.Contains(id)).ToList();
        if (gone.Count > 0)
        {
            using var writer = new CatalogWriter(db);
            foreach (var id in gone)
            {
                writer.Delete(id);
            }

            writer.Commit();
        }

        foreach (var batch in changed.Chunk(BatchSize))
        {
            // Reading logs and computing aggregates is the cost of a rebuild: spread it over the cores, outside the write lock.
            var rows = batch.AsParallel().AsOrdered().Select(c => IndexedRun.Read(store, c.Folder, c.Manifest, c.Log, aggregate)).ToList();
            using var writer = new CatalogWriter(db);
            foreach (var row in rows)
            {
                writer.Put(row);
            }

            writer.Commit();
        }

        return (seen.Count, changed.Count, gone.Count);
    }

    /// <summary>The stored stamps by run; the log's is watched only while the run is starting, running or orphaned, or its log could not be read.</summary>
    private static Dictionary<string, (string Manifest, string Log, bool WatchLog)> Stored(SqliteConnection db)
    {
        var stamps = new Dictionary<string, (string, string, bool)>(StringComparer.Ordinal);
        using var command = db.CreateCommand();
        command.CommandText = "SELECT id, manifest_stamp, log_stamp, status IN ($starting, $running, $orphaned) OR log_error IS NOT NULL FROM runs";
        command.Parameters.AddWithValue("$starting", RunStatus.Starting);
        command.Parameters.AddWithValue("$running", RunStatus.Running);
        command.Parameters.AddWithValue("$orphaned", RunStatus.Orphaned);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            stamps[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2), !reader.IsDBNull(3) && reader.GetBoolean(3));
        }

        return stamps;
    }
}
