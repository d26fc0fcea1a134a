namespace Simulator.Monitoring.Validity;

/// <summary>A statistic with its bootstrap 95 % interval (percentiles over resampled conversations) and the n it was computed on.</summary>
/// <param name="Value">The statistic on the data as they are; null when it cannot be computed (too few pairs, no variance, a class missing).</param>
/// <param name="Lower">The 2.5th percentile of the bootstrap; null when fewer than half the resamples gave a value.</param>
/// <param name="Upper">The 97.5th percentile.</param>
/// <param name="N">The pairs (turns or conversations) it was computed on.</param>
public sealed record Estimate(double? Value, double? Lower, double? Upper, int N)
{
    /// <summary>Nothing to compute on.</summary>
    public static Estimate None { get; } = new(null, null, null, 0);
}
