namespace Simulator.Monitoring.Alerts;

/// <summary>
/// When a metric's value on a turn calls for a supervisor: at or above <see cref="Threshold"/>
/// (or at or below it when <see cref="Below"/>), and what the supervisor then tells the therapist.
/// </summary>
public sealed record AlertRule(string Metric, double Threshold, bool Below, string Advice)
{
    /// <summary>True when <paramref name="value"/> breaks the rule.</summary>
    public bool IsBrokenBy(double value) => Below ? value <= Threshold : value >= Threshold;

    /// <summary>The rules of this version: one per metric whose descriptor gives advice (<see cref="MetricDescriptor.Advice"/>).</summary>
    public static IReadOnlyList<AlertRule> Defaults { get; } =
    [
        .. Metrics.Descriptors.Where(d => d.Advice is not null).Select(d => new AlertRule(d.Name, d.Threshold, !d.HigherIsWorse, d.Advice!)),
    ];
}
