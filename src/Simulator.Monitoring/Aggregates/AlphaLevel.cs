namespace Simulator.Monitoring.Aggregates;

/// <summary>The level of measurement of Krippendorff's alpha: which difference function it uses.</summary>
public enum AlphaLevel
{
    /// <summary>δ(c, k) = 0 when c = k, else 1.</summary>
    Nominal,

    /// <summary>
    /// δ(c, k) = (Σ_{g from c to k} n_g − (n_c + n_k) / 2)², with n_g the number of pairable values
    /// equal to g (Krippendorff's ordinal metric on the observed ranks).
    /// </summary>
    Ordinal,

    /// <summary>δ(c, k) = (c − k)².</summary>
    Interval,
}
