namespace Simulator.Storage.Runs.Catalog;

/// <summary>
/// The tables of <c>catalog.db</c>. The schema version is the database's <c>user_version</c>: a
/// catalog of another version is dropped and rebuilt from the run folders.
/// </summary>
internal static class CatalogSchema
{
    /// <summary>Bump on any change to the tables or to what is stored in them.</summary>
    public const int Version = 1;

    /// <summary>
    /// The per-metric aggregates, named as the last part of the session aggregates' flat keys
    /// (<c>&lt;metric&gt;.mean</c>, ...): the columns of <c>run_metrics</c>.
    /// </summary>
    public static IReadOnlyList<string> MetricAggregates { get; } =
    [
        "mean", "max", "last", "slope", "area", "first_crossing", "first_change_point",
        "first_change_onset", "first_change_direction", "scored", "unscored",
    ];

    /// <summary>The columns of <c>runs</c> a row is read from and written to, in order.</summary>
    public static IReadOnlyList<string> RunColumns { get; } =
    [
        "id", "manifest_stamp", "log_stamp", "manifest_error", "log_error", "created", "created_ticks", "updated", "status",
        "persona", "variant", "therapist", "patient", "protocol", "style", "seed", "configured_turns",
        "completed_turns", "parent_run", "parent_turn", "content_hash", "monitor", "end_reason",
    ];

    /// <summary>
    /// Creates the tables (in an empty database): <c>runs</c>, one row per run folder;
    /// <c>run_metrics</c>, a run's aggregates of one metric; <c>run_values</c>, its session-level
    /// aggregates; <c>aggregate_keys</c>, every metric (per_metric = 1) and session key (0) any run
    /// has had, so a condition on a name no run has is told apart from one that matches nothing.
    /// </summary>
    public static string Create =>
        $"""
        CREATE TABLE runs (
            key INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            manifest_stamp TEXT NOT NULL,
            log_stamp TEXT NOT NULL,
            manifest_error TEXT,
            log_error TEXT,
            created TEXT,
            created_ticks INTEGER,
            updated TEXT,
            status TEXT,
            persona TEXT,
            variant TEXT,
            therapist TEXT,
            patient TEXT,
            protocol TEXT,
            style TEXT,
            seed INTEGER,
            configured_turns INTEGER,
            completed_turns INTEGER,
            parent_run TEXT,
            parent_turn INTEGER,
            content_hash TEXT,
            monitor TEXT,
            end_reason TEXT
        );
        CREATE INDEX runs_created ON runs (created_ticks, id);
        CREATE TABLE run_metrics (
            run INTEGER NOT NULL,
            metric TEXT NOT NULL,
            {string.Join(",\n    ", MetricAggregates.Select(a => $"\"{a}\" REAL"))},
            PRIMARY KEY (run, metric)
        ) WITHOUT ROWID;
        CREATE TABLE run_values (
            run INTEGER NOT NULL,
            key TEXT NOT NULL,
            value REAL,
            PRIMARY KEY (run, key)
        ) WITHOUT ROWID;
        CREATE TABLE aggregate_keys (
            name TEXT NOT NULL PRIMARY KEY,
            per_metric INTEGER NOT NULL
        ) WITHOUT ROWID;
        PRAGMA user_version = {Version};
        """;
}
