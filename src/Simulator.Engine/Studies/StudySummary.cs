using System.Globalization;
using System.Text;
using Simulator.Core.Studies;
using Simulator.Storage.Exports;

namespace Simulator.Engine.Studies;

/// <summary>
/// <c>summary.csv</c>: one row per run of the study, in the study's order — its configuration, status
/// and content hash, then every session aggregate of the monitor (<c>SessionAggregates.Flat</c>:
/// per metric mean, max, last, slope, area, first crossing, first change point, scored and unscored
/// counts; flips, deterioration, correlations, agreement). An aggregate that could not be computed
/// is an empty cell; its metric's <c>.unscored</c> column says how many turns went unscored.
/// Rows arrive from several workers at once; columns are the union of every row's keys, sorted.
/// </summary>
public sealed class StudySummary(IReadOnlyList<StudyJob> jobs)
{
    private static readonly string[] Fixed =
    [
        "run_id", "status", "turns_completed", "persona", "variant", "therapist", "patient", "style", "protocol",
        "guard", "seed", "turns", "sessions", "monitor", "alerts", "content_hash", "error", "tokens", "cost",
    ];

    private readonly (string[] Cells, double?[] Values)?[] _rows = new (string[], double?[])?[jobs.Count];
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Sets the row of job <paramref name="index"/>.</summary>
    /// <param name="index">The job.</param>
    /// <param name="status">The run's status.</param>
    /// <param name="turns">Turns completed.</param>
    /// <param name="alerts">Alerts raised.</param>
    /// <param name="contentHash">The run's content hash.</param>
    /// <param name="error">Why it failed, if it did.</param>
    /// <param name="aggregates">The monitor's session aggregates.</param>
    /// <param name="tokens">Tokens of its model calls.</param>
    /// <param name="cost">What its model calls cost; null (an empty cell) when a model has no price configured.</param>
    public void Set(int index, string status, int turns, int alerts, string? contentHash, string? error, IReadOnlyDictionary<string, double?> aggregates, long tokens = 0, double? cost = null)
    {
        ArgumentNullException.ThrowIfNull(aggregates);
        var c = jobs[index].Configuration;
        string[] cells =
        [
            jobs[index].RunId, status, Int(turns), c.Persona, c.Variant ?? "", c.Therapist, c.Patient, c.Style, c.Protocol,
            c.Guard ? "true" : "false", c.Seed.ToString(CultureInfo.InvariantCulture), Int(c.Turns), Int(c.Sessions), c.Monitor,
            Int(alerts), contentHash ?? "", error ?? "", tokens.ToString(CultureInfo.InvariantCulture), CsvText.Number(cost is { } c2 ? Math.Round(c2, 6) : null),
        ];
        lock (_gate)
        {
            var values = new double?[_columns.Count + aggregates.Count];
            foreach (var (key, value) in aggregates)
            {
                if (!_columns.TryGetValue(key, out var column))
                {
                    _columns[key] = column = _columns.Count;
                }

                values[column] = value;
            }

            _rows[index] = (cells, values);
        }
    }

    /// <summary>True once job <paramref name="index"/> has a row.</summary>
    public bool Has(int index)
    {
        lock (_gate)
        {
            return _rows[index] is not null;
        }
    }

    /// <summary>The status in job <paramref name="index"/>'s row, or null before it has one.</summary>
    public string? StatusOf(int index)
    {
        lock (_gate)
        {
            return _rows[index]?.Cells[1];
        }
    }

    /// <summary>Rows of complete runs.</summary>
    public int Completed
    {
        get
        {
            lock (_gate)
            {
                return _rows.Count(r => r is { } row && row.Cells[1] == Storage.Runs.RunStatus.Completed);
            }
        }
    }

    /// <summary>The CSV text: a header, then a row per job that has one, in the study's order.</summary>
    public string ToCsv()
    {
        lock (_gate)
        {
            var keys = _columns.OrderBy(k => k.Key, StringComparer.Ordinal).ToList();
            var csv = new StringBuilder();
            csv.AppendJoin(',', Fixed.Concat(keys.Select(k => CsvText.Field(k.Key)))).Append('\n');
            foreach (var row in _rows)
            {
                if (row is not { } r)
                {
                    continue;
                }

                csv.AppendJoin(',', r.Cells.Select(CsvText.Field).Concat(keys.Select(k => CsvText.Number(k.Value < r.Values.Length ? r.Values[k.Value] : null)))).Append('\n');
            }

            return csv.ToString();
        }
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
