namespace Simulator.Monitoring.Aggregates;

/// <summary>
/// How well an observed estimate tracks a latent series (e.g. the monitor's <c>observed.phq9</c>
/// against the latent PHQ-9 readout), over turns where both are scored.
/// </summary>
/// <param name="Pearson">Pearson's r; null with fewer than 3 pairs or zero variance on either side.</param>
/// <param name="Spearman">Spearman's rho (ties get their average rank); null like <paramref name="Pearson"/>.</param>
/// <param name="MeanAbsoluteError">
/// Mean absolute difference in instrument units after clamping both values into the instrument's
/// range; null when there are no pairs.
/// </param>
/// <param name="Pairs">How many turns had both values.</param>
public sealed record Agreement(double? Pearson, double? Spearman, double? MeanAbsoluteError, int Pairs)
{
    /// <summary>
    /// The agreement between <paramref name="latent"/> and <paramref name="observed"/>, paired by turn,
    /// with values clamped into the instrument range [<paramref name="min"/>, <paramref name="max"/>].
    /// </summary>
    /// <exception cref="ArgumentException">The turns are not strictly increasing, a value is not finite, or min is not below max.</exception>
    public static Agreement Of(IReadOnlyList<TurnValue> latent, IReadOnlyList<TurnValue> observed, double min, double max)
    {
        if (!(min < max))
        {
            throw new ArgumentException($"The range [{min}, {max}] is empty.", nameof(max));
        }

        return LaggedCorrelation.Paired(latent, observed, 0, (x, y) =>
        {
            if (x.Length == 0)
            {
                return new Agreement(null, null, null, 0);
            }

            double absolute = 0;
            for (var i = 0; i < x.Length; i++)
            {
                absolute += Math.Abs(Math.Clamp(x[i], min, max) - Math.Clamp(y[i], min, max));
            }

            return new Agreement(Correlation.Pearson(x, y), Correlation.Spearman(x, y), absolute / x.Length, x.Length);
        });
    }
}
