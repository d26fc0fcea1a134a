namespace Simulator.Monitoring.Aggregates;

/// <summary>Pearson and Spearman correlation of paired samples; null when undefined.</summary>
internal static class Correlation
{
    /// <summary>The smallest number of pairs a correlation is reported for.</summary>
    public const int MinPairs = 3;

    /// <summary>Pearson's r; null with fewer than <see cref="MinPairs"/> pairs or when either side has zero variance.</summary>
    public static double? Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("The samples must be paired.", nameof(y));
        }

        var n = x.Length;
        if (n < MinPairs)
        {
            return null;
        }

        double mx = 0, my = 0;
        for (var i = 0; i < n; i++)
        {
            mx += x[i];
            my += y[i];
        }

        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - mx;
            var dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        // Relative tolerance: a constant series can leave rounding residue in its sum of squares.
        if (sxx <= 1e-24 * Math.Max(1, mx * mx) * n || syy <= 1e-24 * Math.Max(1, my * my) * n)
        {
            return null;
        }

        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }

    /// <summary>Spearman's rho: Pearson's r of the ranks, ties given their average rank.</summary>
    public static double? Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("The samples must be paired.", nameof(y));
        }

        if (x.Length < MinPairs)
        {
            return null;
        }

        return Pearson(Ranks(x), Ranks(y));
    }

    /// <summary>1-based ranks, ties averaged.</summary>
    public static double[] Ranks(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = values.ToArray();
        Array.Sort(keys, order);
        var ranks = new double[n];
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && keys[j + 1] == keys[i])
            {
                j++;
            }

            var rank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = rank;
            }

            i = j + 1;
        }

        return ranks;
    }
}
