using Simulator.Core.Randomness;

namespace Simulator.Monitoring.Validity;

/// <summary>
/// The cluster bootstrap: resamples conversations with replacement (turns of one conversation are not
/// independent) and recomputes a statistic, for a percentile 95 % interval. Seeded, so the same data give the
/// same interval.
/// </summary>
public static class Bootstrap
{
    /// <summary>Resamples per estimate.</summary>
    public const int Resamples = 1000;

    /// <summary>The estimate of <paramref name="statistic"/> over <paramref name="clusters"/> (each a conversation's items), with its interval.</summary>
    public static Estimate Of<T>(IReadOnlyList<IReadOnlyList<T>> clusters, Func<IReadOnlyList<IReadOnlyList<T>>, (double? Value, int N)> statistic, ulong seed = 20261207)
    {
        var (value, n) = statistic(clusters);
        if (value is null || clusters.Count < 2)
        {
            return new Estimate(value, null, null, n);
        }

        var random = new SeededRandom(seed);
        var values = new List<double>(Resamples);
        var sample = new IReadOnlyList<T>[clusters.Count];
        for (var b = 0; b < Resamples; b++)
        {
            for (var k = 0; k < clusters.Count; k++)
            {
                sample[k] = clusters[(int)(random.NextUInt64() % (ulong)clusters.Count)];
            }

            if (statistic(sample).Value is { } v)
            {
                values.Add(v);
            }
        }

        if (values.Count < Resamples / 2)
        {
            return new Estimate(value, null, null, n);
        }

        values.Sort();
        return new Estimate(value, Percentile(values, 0.025), Percentile(values, 0.975), n);
    }

    private static double Percentile(List<double> sorted, double p)
    {
        var position = p * (sorted.Count - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }
}
