namespace Simulator.Monitoring.Aggregates;

/// <summary>
/// Summary statistics of one metric's per-turn series. Unscored turns (null values) are skipped
/// and counted in <see cref="Unscored"/>. A statistic that cannot be computed is null, never 0.
/// </summary>
/// <param name="Scored">Turns with a value.</param>
/// <param name="Unscored">Turns without a value.</param>
/// <param name="Mean">Arithmetic mean of the scored values; null when none.</param>
/// <param name="Max">Largest scored value; null when none.</param>
/// <param name="Last">The value of the last scored turn; null when none.</param>
/// <param name="LastTurn">The last scored turn; null when none.</param>
/// <param name="Slope">
/// Ordinary least squares slope of value on turn number (units per turn) over the scored turns;
/// null with fewer than two scored turns.
/// </param>
/// <param name="AreaPerLength">
/// Time-weighted mean: the trapezoid area under the scored points (value against turn number,
/// straight lines across unscored gaps) from the first to the last scored turn, divided by that
/// span's length in turns (last scored turn minus first). Null with fewer than two scored turns.
/// </param>
/// <param name="Threshold">The threshold <see cref="FirstCrossing"/> was computed for, or null when none was given.</param>
/// <param name="FirstCrossing">
/// The first scored turn whose value is at or above <see cref="Threshold"/> (>=; at or below it for a
/// metric where lower is worse); null when there is no threshold or no scored value reaches it.
/// </param>
public sealed record SeriesStats(
    int Scored,
    int Unscored,
    double? Mean,
    double? Max,
    double? Last,
    int? LastTurn,
    double? Slope,
    double? AreaPerLength,
    double? Threshold,
    int? FirstCrossing)
{
    /// <summary>
    /// The statistics of <paramref name="series"/> (strictly increasing turns, finite values or
    /// null), with the first crossing of <paramref name="threshold"/> when one is given (from below, or from above
    /// when <paramref name="below"/>: the first value at or under it).
    /// </summary>
    /// <exception cref="ArgumentException">The turns are not strictly increasing or a value is not finite.</exception>
    public static SeriesStats Of(IReadOnlyList<TurnValue> series, double? threshold = null, bool below = false)
    {
        TurnValue.Validate(series, nameof(series));
        int scored = 0, unscored = 0;
        double sum = 0, sumTurns = 0, max = double.NegativeInfinity, area = 0;
        int? firstTurn = null, lastTurn = null, crossing = null;
        double last = 0;
        foreach (var (turn, value) in series)
        {
            if (value is not { } v)
            {
                unscored++;
                continue;
            }

            if (lastTurn is { } previous)
            {
                area += (turn - previous) * (last + v) / 2;
            }

            firstTurn ??= turn;
            scored++;
            sum += v;
            sumTurns += turn;
            max = Math.Max(max, v);
            if (crossing is null && threshold is { } t && (below ? v <= t : v >= t))
            {
                crossing = turn;
            }

            last = v;
            lastTurn = turn;
        }

        if (scored == 0)
        {
            return new SeriesStats(0, unscored, null, null, null, null, null, null, threshold, null);
        }

        var mean = sum / scored;
        double? slope = null, areaPerLength = null;
        if (scored >= 2)
        {
            var meanTurn = sumTurns / scored;
            double sxy = 0, sxx = 0;
            foreach (var (turn, value) in series)
            {
                if (value is { } v)
                {
                    sxy += (turn - meanTurn) * (v - mean);
                    sxx += (turn - meanTurn) * (turn - meanTurn);
                }
            }

            slope = sxy / sxx;
            areaPerLength = area / (lastTurn!.Value - firstTurn!.Value);
        }

        return new SeriesStats(scored, unscored, mean, max, last, lastTurn, slope, areaPerLength, threshold, crossing);
    }
}
