using Microsoft.Data.Sqlite;

namespace Simulator.Storage.Runs.Catalog;

/// <summary>
/// <c>&lt;runs folder&gt;/catalog.db</c>: a SQLite cache of the run folders, one row per run
/// (configuration, status, turns, parent) and its session aggregates, for fast filtered listings.
/// The folders stay the source of truth: every call first re-indexes the runs that are new or
/// changed and drops those that are gone, so the catalog needs no hook in the engine. A missing,
/// damaged or outdated catalog is rebuilt; one that cannot be written is built in memory. Safe
/// for several processes at once (write-ahead logging, immediate transactions, a busy timeout).
/// </summary>
public sealed class RunCatalog
{
    /// <summary>The catalog's file name in the runs folder.</summary>
    public const string FileName = "catalog.db";

    private readonly RunStore _store;
    private readonly RunAggregator _aggregate;

    /// <summary>A catalog of <paramref name="store"/>'s runs, with aggregates computed by <paramref name="aggregate"/>.</summary>
    public RunCatalog(RunStore store, RunAggregator aggregate)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(aggregate);
        _store = store;
        _aggregate = aggregate;
    }

    /// <summary>The per-metric aggregates a condition may name (<c>&lt;metric&gt;.max</c>, ...).</summary>
    public static IReadOnlyList<string> MetricAggregates => CatalogSchema.MetricAggregates;

    /// <summary>The catalog file.</summary>
    public string DatabasePath => Path.Combine(_store.Root, FileName);

    /// <summary>Brings the catalog up to date with the run folders.</summary>
    public CatalogSyncReport Sync() => Use((_, report) => report);

    /// <summary>The runs matching <paramref name="query"/>, oldest first, after bringing the catalog up to date.</summary>
    /// <exception cref="Core.Validation.InvalidInputException">A condition names an aggregate no run has.</exception>
    public RunListing List(RunQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Use((db, report) =>
        {
            var (runs, warnings) = CatalogQuery.Run(db, _store.Root, query);
            return new RunListing(runs, warnings, report);
        });
    }

    /// <summary>The stored aggregates of one run by flat key (empty for an unknown run).</summary>
    public IReadOnlyDictionary<string, double?> AggregatesOf(string runId) =>
        Use((db, _) => CatalogAggregatesReader.Read(db, runId));

    private T Use<T>(Func<SqliteConnection, CatalogSyncReport, T> body)
    {
        string? rebuilt = null;
        if (Directory.Exists(_store.Root))
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                try
                {
                    using var db = CatalogDatabase.OpenFile(DatabasePath);
                    return body(db, Synced(db, rebuilt, inMemory: false));
                }
                catch (SqliteException ex) when (attempt == 0 && CatalogDatabase.IsDamage(ex))
                {
                    rebuilt = $"{FileName} could not be read ({ex.Message}); rebuilt from the run folders";
                    CatalogDatabase.Delete(DatabasePath);
                }
                catch (SqliteException ex)
                {
                    rebuilt = $"{FileName} could not be used ({ex.Message}); built in memory";
                    break;
                }
            }
        }

        using var memory = CatalogDatabase.OpenInMemory();
        return body(memory, Synced(memory, rebuilt, inMemory: true));
    }

    private CatalogSyncReport Synced(SqliteConnection db, string? rebuilt, bool inMemory)
    {
        var (runs, indexed, removed) = CatalogSync.Run(db, _store, _aggregate);
        return new CatalogSyncReport(runs, indexed, removed, rebuilt, inMemory);
    }
}
