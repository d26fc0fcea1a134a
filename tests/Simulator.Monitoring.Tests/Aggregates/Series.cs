using Simulator.Monitoring.Aggregates;

namespace Simulator.Monitoring.Tests.Aggregates;

/// <summary>Builds test series: values from turn 1 on, null for an unscored turn; and a tiny seeded LCG for noise.</summary>
internal static class Series
{
    public static IReadOnlyList<TurnValue> Of(params double?[] values) =>
        [.. values.Select((v, i) => new TurnValue(i + 1, v))];

    /// <summary>Uniform noise in [−amplitude, amplitude] from a fixed linear congruential generator (Numerical Recipes constants).</summary>
    public static IEnumerable<double> Noise(uint seed, double amplitude)
    {
        var state = seed;
        while (true)
        {
            state = unchecked((1664525 * state) + 1013904223);
            yield return ((state / (double)uint.MaxValue * 2) - 1) * amplitude;
        }
    }
}
