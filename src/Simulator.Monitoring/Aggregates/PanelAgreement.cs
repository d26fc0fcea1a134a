using Simulator.Core.Transcripts;

namespace Simulator.Monitoring.Aggregates;

/// <summary>
/// How far a run's judges agree, per metric: Krippendorff's alpha over its turns (units) and
/// judges (raters, the layers named <c>judge.N</c>), interval level, with turns a judge left
/// unscored as missing values. Empty when the run had fewer than two judges.
/// </summary>
public static class PanelAgreement
{
    /// <summary>Alpha per metric any judge scored, by name.</summary>
    public static IReadOnlyDictionary<string, KrippendorffAlpha> Of(RunTranscript transcript)
    {
        var judges = transcript.Turns.SelectMany(t => t.Layers).Select(l => l.Rater)
            .Where(r => r.StartsWith("judge.", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();
        var alphas = new SortedDictionary<string, KrippendorffAlpha>(StringComparer.Ordinal);
        if (judges.Count < 2)
        {
            return alphas;
        }

        var metrics = transcript.Turns.SelectMany(t => t.Layers).Where(l => judges.Contains(l.Rater)).SelectMany(l => l.Metrics.Keys).Distinct();
        foreach (var metric in metrics)
        {
            var units = transcript.Turns.Select(t => (IReadOnlyList<double?>)[.. judges.Select(j =>
                t.Layers.LastOrDefault(l => l.Rater == j) is { } layer && layer.Metrics.TryGetValue(metric, out var v) ? v : (double?)null)]).ToList();
            alphas[metric] = KrippendorffAlpha.Of(units, AlphaLevel.Interval);
        }

        return alphas;
    }
}
