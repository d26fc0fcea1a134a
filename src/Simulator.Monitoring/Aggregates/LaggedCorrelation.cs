namespace Simulator.Monitoring.Aggregates;

/// <summary>
/// Pearson correlation between a series x(t) and a series y(t + lag): does x at one turn go with y
/// <c>lag</c> turns later? Pairs are matched by turn number, over turns where both are scored.
/// </summary>
public static class LaggedCorrelation
{
    /// <summary>The lags the session aggregates report: 0, 1 and 2 turns.</summary>
    public static IReadOnlyList<int> StandardLags { get; } = [0, 1, 2];

    /// <summary>
    /// Pearson's r between x(t) and y(t + <paramref name="lag"/>) over every turn t where x(t) and
    /// y(t + lag) are both scored. Null with fewer than 3 pairs or when either side has zero variance.
    /// </summary>
    /// <exception cref="ArgumentException">The turns are not strictly increasing or a value is not finite.</exception>
    public static double? Of(IReadOnlyList<TurnValue> x, IReadOnlyList<TurnValue> y, int lag) =>
        Paired(x, y, lag, static (a, b) => Correlation.Pearson(a, b));

    /// <summary>How many pairs x(t), y(t + <paramref name="lag"/>) are both scored.</summary>
    /// <exception cref="ArgumentException">The turns are not strictly increasing or a value is not finite.</exception>
    public static int Pairs(IReadOnlyList<TurnValue> x, IReadOnlyList<TurnValue> y, int lag) =>
        Paired(x, y, lag, static (a, _) => a.Length);

    /// <summary>Applies <paramref name="statistic"/> to the scored pairs x(t), y(t + lag), merged by turn.</summary>
    internal static T Paired<T>(IReadOnlyList<TurnValue> x, IReadOnlyList<TurnValue> y, int lag, PairedStatistic<T> statistic)
    {
        TurnValue.Validate(x, nameof(x));
        TurnValue.Validate(y, nameof(y));
        var capacity = Math.Min(x.Count, y.Count);
        var xs = capacity <= 128 ? stackalloc double[capacity] : new double[capacity];
        var ys = capacity <= 128 ? stackalloc double[capacity] : new double[capacity];
        int n = 0, j = 0;
        for (var i = 0; i < x.Count; i++)
        {
            if (x[i].Value is not { } xv)
            {
                continue;
            }

            var target = (long)x[i].Turn + lag;
            while (j < y.Count && y[j].Turn < target)
            {
                j++;
            }

            if (j < y.Count && y[j].Turn == target && y[j].Value is { } yv)
            {
                xs[n] = xv;
                ys[n] = yv;
                n++;
            }
        }

        return statistic(xs[..n], ys[..n]);
    }

    /// <summary>A statistic of paired samples.</summary>
    internal delegate T PairedStatistic<out T>(ReadOnlySpan<double> x, ReadOnlySpan<double> y);
}
