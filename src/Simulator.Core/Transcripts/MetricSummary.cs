namespace Simulator.Core.Transcripts;

/// <summary>
/// A metric over a run's turns: its mean and maximum over the scored turns, and how many turns
/// were scored and unscored (with the most common reason), so no summary hides a missing score.
/// </summary>
public sealed record MetricSummary(string Metric, double? Mean, double? Max, int Scored, int Unscored, string? TopUnscoredReason)
{
    /// <summary>One summary per metric that any turn scored or left unscored, by name.</summary>
    public static IReadOnlyList<MetricSummary> Of(RunTranscript transcript)
    {
        var names = transcript.Turns.SelectMany(t => t.Metrics.Keys.Concat(t.Unscored.Keys)).Distinct().Order(StringComparer.Ordinal);
        return [.. names.Select(name =>
        {
            var values = transcript.Turns.Where(t => t.Metrics.ContainsKey(name)).Select(t => t.Metrics[name]).ToList();
            var reasons = transcript.Turns.Where(t => t.Unscored.ContainsKey(name)).Select(t => t.Unscored[name]).ToList();
            return new MetricSummary(
                name,
                values.Count > 0 ? values.Average() : null,
                values.Count > 0 ? values.Max() : null,
                values.Count,
                reasons.Count,
                reasons.GroupBy(r => r).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault());
        })];
    }
}
