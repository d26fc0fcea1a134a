namespace Simulator.Monitoring.Aggregates;

/// <summary>Collects the flat key → value view of the session aggregates, with a reason for each null.</summary>
internal sealed class FlatBuilder
{
    private readonly SortedDictionary<string, double?> _values = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _reasons = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, double?> Values => _values;

    public IReadOnlyDictionary<string, string> Reasons => _reasons;

    public void Add(string key, double? value, string reasonIfNull)
    {
        _values[key] = value;
        if (value is null)
        {
            _reasons[key] = reasonIfNull;
        }
    }

    /// <summary>
    /// <c>&lt;metric&gt;.</c> mean, max, last, slope, area, first_crossing, first_change_point,
    /// first_change_onset, first_change_direction (+1 up, −1 down), scored, unscored.
    /// </summary>
    public void AddMetric(MetricAggregate metric, int baselineLength)
    {
        var s = metric.Stats;
        var m = metric.Metric;
        var none = s.Unscored > 0 ? $"no scored turns ({s.Unscored} unscored, mostly: {metric.TopUnscoredReason})" : "no scored turns";
        var fewer = s.Scored == 0 ? none : "one scored turn; needs two";
        Add($"{m}.mean", s.Mean, none);
        Add($"{m}.max", s.Max, none);
        Add($"{m}.last", s.Last, none);
        Add($"{m}.slope", s.Slope, fewer);
        Add($"{m}.area", s.AreaPerLength, fewer);
        Add($"{m}.first_crossing", s.FirstCrossing, s.Threshold is { } t ? $"never reached {t}" : "no threshold for this metric");
        var change = metric.FirstChangePoint;
        var why = s.Scored <= baselineLength ? $"{s.Scored} scored turns, all in the baseline of {baselineLength}" : "no change detected";
        Add($"{m}.first_change_point", change?.AlarmTurn, why);
        Add($"{m}.first_change_onset", change?.OnsetTurn, why);
        Add($"{m}.first_change_direction", change is null ? null : (int)change.Direction, why);
        Add($"{m}.scored", s.Scored, "");
        Add($"{m}.unscored", s.Unscored, "");
    }
}
