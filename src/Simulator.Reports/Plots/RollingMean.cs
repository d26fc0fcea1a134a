namespace Simulator.Reports.Plots;

/// <summary>
/// Smooths a per-turn series with a trailing rolling mean: turn <c>t</c>'s value is the mean of the
/// values at turns <c>t − window + 1 .. t</c> that have one (so a sparsely scored metric, such as DCS
/// on the turns a belief is in play, gives a continuous curve); a turn with no value in its window is a
/// gap. Studies' curves are smoothed per run before they are averaged over runs.
/// </summary>
public static class RollingMean
{
    /// <summary>The window for runs of <paramref name="turns"/> turns: a twelfth of the session, at least 3 and at most 25 turns.</summary>
    public static int WindowFor(int turns) => Math.Clamp((int)Math.Round(turns / 12.0), 3, 25);

    /// <summary><paramref name="values"/> smoothed over <paramref name="window"/> turns.</summary>
    public static double?[] Of(IReadOnlyList<double?> values, int window)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var smoothed = new double?[values.Count];
        double sum = 0;
        var n = 0;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } v && double.IsFinite(v))
            {
                sum += v;
                n++;
            }

            if (i >= window && values[i - window] is { } old && double.IsFinite(old))
            {
                sum -= old;
                n--;
            }

            smoothed[i] = n > 0 ? sum / n : null;
        }

        return smoothed;
    }
}
