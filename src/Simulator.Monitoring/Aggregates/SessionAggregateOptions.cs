namespace Simulator.Monitoring.Aggregates;

/// <summary>Options of <see cref="SessionAggregates.Of(Simulator.Core.Transcripts.RunTranscript, SessionAggregateOptions?)"/>.</summary>
public sealed record SessionAggregateOptions
{
    /// <summary>The defaults.</summary>
    public static SessionAggregateOptions Default { get; } = new();

    /// <summary>
    /// The CUSUM parameters (default <see cref="CusumOptions.Default"/>). For a metric of known
    /// range (<see cref="MetricRanges.Of"/>) the sd floor is scaled by the range's width, so the
    /// default floor is 10% of the range: 0.1 for a 0..1 metric, 0.2 for DCS, 2.7 for PHQ-9.
    /// </summary>
    public CusumOptions Cusum { get; init; } = CusumOptions.Default;

    /// <summary>
    /// Thresholds for the first-crossing turn by metric; a metric not listed uses
    /// <see cref="MetricRanges.DefaultThreshold"/>. Default: none listed.
    /// </summary>
    public IReadOnlyDictionary<string, double> Thresholds { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// The main flagged belief, whose latent conviction is compared with <c>observed.conviction</c>.
    /// Default null: the belief with the highest conviction in the first latent state (ties: the
    /// first id in ordinal order), since the transcript does not say which beliefs are flagged.
    /// </summary>
    public string? MainBelief { get; init; }

    /// <summary>The threshold for <paramref name="metric"/>.</summary>
    public double? ThresholdOf(string metric) =>
        Thresholds.TryGetValue(metric, out var t) ? t : MetricRanges.DefaultThreshold(metric);

    /// <summary>The CUSUM options for <paramref name="metric"/>, with the sd floor scaled to its range.</summary>
    public CusumOptions CusumOf(string metric) =>
        MetricRanges.Of(metric) is { } r ? Cusum with { SdFloor = Cusum.SdFloor * (r.Max - r.Min) } : Cusum;
}
