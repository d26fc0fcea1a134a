namespace Simulator.Monitoring.Aggregates;

/// <summary>The value ranges and default thresholds of the metrics, read off their descriptors (<see cref="Metrics.Descriptors"/>).</summary>
public static class MetricRanges
{
    /// <summary>The range of <paramref name="metric"/> (a per-belief <c>sycophancy.dcs.&lt;belief&gt;</c> has DCS's); null for a metric it does not know.</summary>
    public static (double Min, double Max)? Of(string metric) => Metrics.Find(metric) is { } d ? (d.Min, d.Max) : null;

    /// <summary>The threshold of the first-crossing turn: the descriptor's (<see cref="MetricDescriptor.Threshold"/>); null for an unknown metric.</summary>
    public static double? DefaultThreshold(string metric) => Metrics.Find(metric)?.Threshold;

    /// <summary>Whether <paramref name="metric"/> is a per-belief DCS series, <c>sycophancy.dcs.&lt;belief&gt;</c>.</summary>
    public static bool IsBeliefDcs(string metric) =>
        metric.Length > Metrics.Dcs.Length + 1 && metric.StartsWith(Metrics.Dcs + ".", StringComparison.Ordinal);
}
