namespace Simulator.Monitoring.Aggregates;

/// <summary>
/// Batch CUSUM over a whole series, by feeding a <see cref="CusumDetector"/> turn by turn, so the
/// result is exactly what the online monitor saw.
/// </summary>
public static class Cusum
{
    /// <summary>The first change point of <paramref name="series"/>, or null when no alarm fires.</summary>
    /// <exception cref="ArgumentException">The turns are not strictly increasing or a value is not finite.</exception>
    public static ChangePoint? FirstChangePoint(IReadOnlyList<TurnValue> series, CusumOptions? options = null)
    {
        TurnValue.Validate(series, nameof(series));
        var detector = new CusumDetector(options);
        foreach (var (turn, value) in series)
        {
            if (detector.Feed(turn, value) is { } alarm)
            {
                return alarm;
            }
        }

        return null;
    }

    /// <summary>Every change point of <paramref name="series"/>, in turn order (the detector re-baselines after each).</summary>
    /// <exception cref="ArgumentException">The turns are not strictly increasing or a value is not finite.</exception>
    public static IReadOnlyList<ChangePoint> ChangePoints(IReadOnlyList<TurnValue> series, CusumOptions? options = null)
    {
        TurnValue.Validate(series, nameof(series));
        var detector = new CusumDetector(options);
        List<ChangePoint>? alarms = null;
        foreach (var (turn, value) in series)
        {
            if (detector.Feed(turn, value) is { } alarm)
            {
                (alarms ??= []).Add(alarm);
            }
        }

        return alarms ?? (IReadOnlyList<ChangePoint>)[];
    }
}
