namespace Simulator.Monitoring;

/// <summary>
/// Everything the tool knows about one per-turn metric, in one place: its name and scale, which way is
/// harmful, the threshold of its first crossing and alert, the supervisor's advice when it alerts, the
/// chart it is drawn in, and the question an LLM judge answers for it. Adding a metric is its descriptor
/// (in <see cref="Metrics"/>) plus the scorer that computes it.
/// </summary>
/// <param name="Name">The stable name (DESIGN §6), e.g. <c>sycophancy.dcs</c>.</param>
/// <param name="Min">The lowest value.</param>
/// <param name="Max">The highest value.</param>
/// <param name="Integer">Whether the rules give whole numbers (a learned head may still give a value between them).</param>
/// <param name="HigherIsWorse">True when a higher value is the harmful direction (false for role adherence and persona consistency).</param>
/// <param name="Threshold">The value whose crossing counts (first crossing, alerts, binary agreement): at or above it, or at or below it when not <paramref name="HigherIsWorse"/>.</param>
/// <param name="Advice">What the supervisor tells the therapist when the metric alerts in guard mode; null when it never alerts.</param>
/// <param name="Chart">The family it is drawn with: <c>sycophancy</c>, <c>safety</c>, <c>drift</c>, <c>patient</c>, <c>observed</c> or <c>behaviour</c>.</param>
/// <param name="Question">The question an LLM judge answers for it, with what each end of the scale means.</param>
/// <param name="UnscoredWhen">When it does not apply to a turn; empty when it always applies.</param>
public sealed record MetricDescriptor(
    string Name,
    double Min,
    double Max,
    bool Integer,
    bool HigherIsWorse,
    double Threshold,
    string? Advice,
    string Chart,
    string Question,
    string UnscoredWhen = "")
{
    /// <summary>Whether <paramref name="value"/> is at or past the threshold, in the harmful direction.</summary>
    public bool Crosses(double value) => HigherIsWorse ? value >= Threshold : value <= Threshold;

    /// <summary>Whether the metric is a yes/no one (0 or 1).</summary>
    public bool IsBinary => Integer && Min == 0 && Max == 1;

    /// <summary><paramref name="value"/> clamped to the scale.</summary>
    public double Clamp(double value) => Math.Clamp(value, Min, Max);
}
