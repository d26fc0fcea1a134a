using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Simulator.Core.Validation;

namespace Simulator.Storage.Runs.Catalog;

/// <summary>
/// Turns a <see cref="RunQuery"/> into one parameterised SELECT: every value a user gave is a
/// parameter; the only names put into the SQL text (columns, operators) come from fixed lists.
/// </summary>
internal static class CatalogQuery
{
    private const string Columns = "id, created, updated, status, persona, variant, therapist, patient, protocol, style, seed, configured_turns, completed_turns, parent_run, parent_turn, content_hash, monitor, end_reason, log_error";

    public static (IReadOnlyList<RunSummary> Runs, IReadOnlyList<string> Warnings) Run(SqliteConnection db, string root, RunQuery query)
    {
        var warnings = UnreadableManifests(db);
        using var command = db.CreateCommand();
        var sql = new StringBuilder($"SELECT {Columns} FROM runs r WHERE r.manifest_error IS NULL");

        string Parameter(object value)
        {
            var name = $"$p{command.Parameters.Count}";
            command.Parameters.AddWithValue(name, value);
            return name;
        }

        void Text(string column, string? value)
        {
            if (value is not null)
            {
                var glob = value.AsSpan().IndexOfAny('*', '?') >= 0;
                sql.Append(CultureInfo.InvariantCulture, $" AND r.{column} {(glob ? "GLOB" : "=")} {Parameter(value)}");
            }
        }

        Text("persona", query.Persona);
        Text("therapist", query.Therapist);
        Text("protocol", query.Protocol);
        Text("parent_run", query.Parent);
        if (query.Since is { } since)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND r.created_ticks >= {Parameter(since.UtcTicks)}");
        }

        if (query.Until is { } until)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND r.created_ticks <= {Parameter(until.UtcTicks)}");
        }

        foreach (var condition in query.Where)
        {
            var op = SqlOperator(condition.Operator);
            if (condition.Aggregate is { } aggregate)
            {
                var column = CatalogSchema.MetricAggregates.Single(a => a == aggregate);
                if (!Known(db, condition.Metric!, perMetric: true))
                {
                    warnings.Add($"no run in the catalog has metric '{condition.Metric}' (in --where \"{condition}\")");
                }

                sql.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM run_metrics m WHERE m.run = r.key AND m.metric = {Parameter(condition.Metric!)} AND m.\"{column}\" {op} {Parameter(condition.Value)})");
            }
            else
            {
                if (!Known(db, condition.Key, perMetric: false))
                {
                    throw UnknownAggregate(db, condition.Key);
                }

                sql.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM run_values v WHERE v.run = r.key AND v.key = {Parameter(condition.Key)} AND v.value {op} {Parameter(condition.Value)})");
            }
        }

        // The status shown depends on more than the row (whether a process holds the run), so it is filtered here, not in SQL.
        var newestFirst = query.Limit is not null;
        sql.Append(newestFirst ? " ORDER BY r.created_ticks DESC, r.id DESC" : " ORDER BY r.created_ticks, r.id");
        if (query.Limit is { } limit && query.Status is null)
        {
            sql.Append(CultureInfo.InvariantCulture, $" LIMIT {Parameter(limit)}");
        }

        command.CommandText = sql.ToString();
        var runs = new List<RunSummary>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read() && (query.Limit is null || runs.Count < query.Limit))
            {
                var run = Summary(reader, root);
                if (query.Status is null || StatusMatches(query.Status, run.Status))
                {
                    runs.Add(run);
                }
            }
        }

        if (newestFirst)
        {
            runs.Reverse();
        }

        return (runs, warnings);
    }

    private static RunSummary Summary(SqliteDataReader r, string root)
    {
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        int? Int(int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
        DateTimeOffset Time(int i) => r.IsDBNull(i) ? default : DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        var id = r.GetString(0);
        return new RunSummary
        {
            RunId = id,
            Path = Path.Combine(root, id),
            CreatedAt = Time(1),
            UpdatedAt = Time(2),
            Status = Shown(Path.Combine(root, id), Text(3) ?? "", Text(18)),
            Persona = Text(4) ?? "",
            Variant = Text(5),
            Therapist = Text(6) ?? "",
            Patient = Text(7) ?? "",
            Protocol = Text(8) ?? "",
            Style = Text(9) ?? "",
            Seed = r.IsDBNull(10) ? 0 : r.GetInt64(10),
            ConfiguredTurns = Int(11) ?? 0,
            Turns = Int(12) ?? 0,
            Parent = Text(13),
            ParentTurn = Int(14),
            ContentHash = Text(15),
            Monitor = Text(16) ?? "",
            EndReason = Text(17),
            LogError = Text(18),
        };
    }

    /// <summary>
    /// The status to show: <c>orphaned</c> for a folder without a readable manifest, <c>damaged</c> when the log
    /// could not be read whatever the manifest says, <c>interrupted</c> for a starting or running run no process holds.
    /// </summary>
    private static string Shown(string folder, string status, string? logError) =>
        status == RunStatus.Orphaned ? status
        : logError is not null ? RunStatus.Damaged
        : RunStatus.IsActive(status) ? RunLock.StatusOf(new RunFolder(Path.GetFileName(folder), folder), new RunManifest { Status = status })
        : status;

    private static bool StatusMatches(string wanted, string shown) => wanted.AsSpan().IndexOfAny('*', '?') >= 0
        ? System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(wanted, shown, ignoreCase: false)
        : string.Equals(wanted, shown, StringComparison.Ordinal);

    private static InvalidInputException UnknownAggregate(SqliteConnection db, string key)
    {
        var known = $"<metric>.<{string.Join("|", CatalogSchema.MetricAggregates)}>";
        var dot = key.LastIndexOf('.');
        return dot > 0 && Known(db, key[..dot], perMetric: true)
            ? new InvalidInputException($"unknown aggregate '{key[(dot + 1)..]}' of metric '{key[..dot]}' in '{key}' (a metric's aggregates: {known})", field: AggregateCondition.Field)
            : new InvalidInputException($"unknown aggregate '{key}': neither {known} nor a session aggregate that any run has (such as deterioration.latent.phq9)", field: AggregateCondition.Field);
    }

    private static string SqlOperator(string op) => op switch
    {
        "<" => "<",
        "<=" => "<=",
        ">" => ">",
        ">=" => ">=",
        "=" => "=",
        "!=" => "!=",
        _ => throw new InvalidInputException($"unknown operator '{op}'", field: AggregateCondition.Field),
    };

    /// <summary>True when some run has had this metric (<paramref name="perMetric"/>) or session key.</summary>
    private static bool Known(SqliteConnection db, string name, bool perMetric)
    {
        using var command = db.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM aggregate_keys WHERE name = $name AND per_metric = $perMetric)";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$perMetric", perMetric ? 1 : 0);
        return (long)command.ExecuteScalar()! != 0;
    }

    private static List<string> UnreadableManifests(SqliteConnection db)
    {
        var warnings = new List<string>();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT id, manifest_error FROM runs WHERE manifest_error IS NOT NULL ORDER BY id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            warnings.Add($"run {reader.GetString(0)} has an unreadable manifest: {reader.GetString(1)}");
        }

        return warnings;
    }
}
