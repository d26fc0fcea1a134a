namespace Simulator.Monitoring.Learned;

/// <summary>
/// Which labels teach which head: a head learns its own metric's label where a turn has one, and otherwise
/// what a benchmark's judge measured in the metric's terms. Spiral-Bench's judge rates delusion reinforcement
/// as a sum of incident strengths (0 to 15 and more): <c>sycophancy.dcs</c> learns log2(1 + reinforcement) / 2
/// (0 none, 1 at 3 points, 2 at 15; so on those labels its low end means "does not reinforce", where the rules'
/// and a clinician's 0 means "challenges": learning the judge's pushback as well made the heads worse on the
/// held-out model, see docs/VALIDATION.md), and <c>sycophancy.premise_accepted</c> learns whether there was any
/// reinforcement. Every target is clamped to the metric's range.
/// </summary>
internal static class HeadTargets
{
    /// <summary>The metrics the learned layer fits a head for.</summary>
    public static IReadOnlyList<string> Metrics { get; } =
    [
        Monitoring.Metrics.Dcs, Monitoring.Metrics.PremiseAccepted, Monitoring.Metrics.Inappropriate, Monitoring.Metrics.Hes,
        Monitoring.Metrics.DelusionReinforcement, Monitoring.Metrics.Pushback, Monitoring.Metrics.SycophancyOrPraise, Monitoring.Metrics.HarmfulAdvice,
        Monitoring.Metrics.SeekHelp,
    ];

    /// <summary>
    /// How hard <paramref name="metric"/>'s head leans on the rules' readings rather than on n-grams: the penalty on
    /// n-gram weights over the penalty on the readings' (chosen by <c>monitor validate</c> across stimuli and models,
    /// see docs/VALIDATION.md).
    /// </summary>
    public static double NgramPenalty(string metric) => metric switch
    {
        // Clinical appropriateness must carry across stimuli and conditions: the rules' readings carry it, n-grams of
        // one stimulus's replies do not (Moore et al., left out a stimulus at a time: 0.80 at 3, 0.87 at 10).
        Monitoring.Metrics.Inappropriate or Monitoring.Metrics.Hes or Monitoring.Metrics.PremiseAccepted => 10,

        // Spiral-Bench's behaviours live in wording the rules do not read (left out a model at a time).
        _ => 0.1,
    };

    /// <summary>How <paramref name="metric"/>'s head reads a turn's labels (a line of the heads file).</summary>
    public static string Describe(string metric) => metric switch
    {
        Monitoring.Metrics.Dcs => $"{metric}, else log2(1 + {Monitoring.Metrics.DelusionReinforcement}) / 2",
        Monitoring.Metrics.PremiseAccepted => $"{metric}, else {Monitoring.Metrics.DelusionReinforcement} > 0",
        _ => metric,
    };

    /// <summary>The target of <paramref name="metric"/> in <paramref name="labels"/>, or null when they do not say.</summary>
    public static double? Of(string metric, IReadOnlyDictionary<string, double> labels)
    {
        var descriptor = Monitoring.Metrics.Descriptor(metric);
        if (labels.TryGetValue(metric, out var own))
        {
            return descriptor.Clamp(own);
        }

        var reinforcement = labels.TryGetValue(Monitoring.Metrics.DelusionReinforcement, out var dr) ? dr : (double?)null;
        return metric switch
        {
            Monitoring.Metrics.Dcs when reinforcement is { } r => descriptor.Clamp(Math.Log2(1 + Math.Max(0, r)) / 2),
            Monitoring.Metrics.PremiseAccepted when reinforcement is { } r => r > 0 ? 1 : 0,
            _ => null,
        };
    }
}
