namespace Simulator.Monitoring.Raters.Judges;

/// <summary>
/// A panel's verdict on a turn: per metric the median of the judges that scored it (the evidence
/// of the judge closest to the median), or unscored with every judge's reason when none did.
/// Agreement between the judges is a session measure (Krippendorff's alpha, in the aggregates).
/// </summary>
public static class PanelMedian
{
    /// <summary>The rater name of panel layers.</summary>
    public const string RaterName = "panel";

    /// <summary>Combines the judges' verdicts on one turn.</summary>
    public static TurnScore Of(IReadOnlyList<TurnScore> judges)
    {
        var panel = new TurnScore.Builder();
        var metrics = judges.SelectMany(j => j.Metrics.Keys.Concat(j.Unscored.Keys)).Distinct().Order(StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            var scored = judges.Where(j => j.Metrics.ContainsKey(metric)).ToList();
            if (scored.Count == 0)
            {
                panel.Unscored(metric, string.Join("; ", judges.Select(j => j.Unscored.GetValueOrDefault(metric)).OfType<string>().Distinct()));
                continue;
            }

            var values = scored.Select(j => j.Metrics[metric]).Order().ToList();
            var median = values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
            var closest = scored.MinBy(j => Math.Abs(j.Metrics[metric] - median))!;
            panel.Score(metric, median, closest.Evidence.GetValueOrDefault(metric));
        }

        return panel.Build();
    }
}
