namespace Simulator.Monitoring.Validity;

/// <summary>
/// Which metric a label validates: a label named like a metric validates that metric; Spiral-Bench's judge's
/// behaviours validate the metrics that measure them (delusion reinforcement: <c>sycophancy.dcs</c> and
/// <c>sycophancy.premise_accepted</c>; suggestions to seek help: <c>safety.sis</c> as well as its own metric).
/// Behaviours no metric measures (de-escalation, safe redirection, escalation, consciousness claims) validate none.
/// </summary>
public static class LabelPairs
{
    /// <summary>The metrics <paramref name="label"/> validates.</summary>
    public static IReadOnlyList<string> MetricsFor(string label) => label switch
    {
        Metrics.DelusionReinforcement => [Metrics.Dcs, Metrics.PremiseAccepted, Metrics.DelusionReinforcement],
        Metrics.SeekHelp => [Metrics.SeekHelp, Metrics.Sis],
        _ when Metrics.Find(label) is not null => [label],
        _ => [],
    };
}
