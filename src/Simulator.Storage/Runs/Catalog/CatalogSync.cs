using Microsoft.Data.Sqlite;

namespace Simulator.Storage.Runs.Catalog;

/// <summary>
/// Brings the catalog up to date with the run folders: indexes the runs that are new or whose
/// files changed (<see cref="IndexedRun.StampOf"/>) and removes the rows of folders that are gone.
/// With nothing changed it only reads: the folders' stamps against the stored ones.
/// </summary>
internal static class CatalogSync
{
    /// <summary>Runs indexed per transaction: progress survives an interrupted rebuild, and a writer never holds the lock long.</summary>
    private const int BatchSize = 256;

    public static (int Runs, int Indexed, int Removed) Run(SqliteConnection db, RunStore store, RunAggregator aggregate)
    {
        var known = Stamps(db);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var changed = new List<(RunFolder Folder, string Stamp)>();
        foreach (var folder in store.Folders())
        {
            var manifest = new FileInfo(folder.ManifestPath);
            if (!manifest.Exists)
            {
                continue;
            }

            seen.Add(folder.RunId);
            var stamp = IndexedRun.StampOf(manifest, new FileInfo(folder.EventsPath));
            if (!known.TryGetValue(folder.RunId, out var stored) || !string.Equals(stored, stamp, StringComparison.Ordinal))
            {
                changed.Add((folder, stamp));
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
            var rows = batch.AsParallel().AsOrdered().Select(c => IndexedRun.Read(c.Folder, c.Stamp, aggregate)).ToList();
            using var writer = new CatalogWriter(db);
            foreach (var row in rows)
            {
                writer.Put(row);
            }

            writer.Commit();
        }

        return (seen.Count, changed.Count, gone.Count);
    }

    private static Dictionary<string, string> Stamps(SqliteConnection db)
    {
        var stamps = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = db.CreateCommand();
        command.CommandText = "SELECT id, stamp FROM runs";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            stamps[reader.GetString(0)] = reader.GetString(1);
        }

        return stamps;
    }
}
