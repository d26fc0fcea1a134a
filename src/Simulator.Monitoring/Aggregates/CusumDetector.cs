namespace Simulator.Monitoring.Aggregates;

/// <summary>
/// A streaming two-sided CUSUM change detector (Page 1954) on the standardised series, fed one
/// turn at a time by the online monitor; <see cref="Cusum"/> runs the same detector over a whole
/// series, so online alerts and batch aggregates agree.
/// </summary>
/// <remarks>
/// <para>
/// The first <see cref="CusumOptions.BaselineLength"/> scored values form the baseline (mean and
/// sample sd floored at <see cref="CusumOptions.SdFloor"/>). Each later scored value x gives
/// z = (x − mean) / sd and updates S⁺ = max(0, S⁺ + z − k) and S⁻ = max(0, S⁻ − z − k). An
/// alarm fires at the first turn where S⁺ &gt; h (up) or S⁻ &gt; h (down).
/// </para>
/// <para>
/// After an alarm both sums reset and the next w scored values form a new baseline, so one
/// sustained shift raises one alarm, and a later shift relative to the new level raises another.
/// Unscored turns (null) change nothing. Not thread-safe: one detector per metric per run.
/// </para>
/// </remarks>
public sealed class CusumDetector
{
    private int _count;
    private double _mean;
    private double _m2;
    private double _sd;
    private int _lastTurn = int.MinValue;
    private int _lastZeroUp;
    private int _lastZeroDown;

    /// <summary>A detector with <paramref name="options"/>, or the defaults.</summary>
    public CusumDetector(CusumOptions? options = null) => Options = options ?? CusumOptions.Default;

    /// <summary>The parameters.</summary>
    public CusumOptions Options { get; }

    /// <summary>Whether the detector is still collecting its baseline.</summary>
    public bool InBaseline => _count < Options.BaselineLength;

    /// <summary>The baseline mean, or null while the baseline is incomplete.</summary>
    public double? BaselineMean => InBaseline ? null : _mean;

    /// <summary>The baseline standard deviation after flooring, or null while the baseline is incomplete.</summary>
    public double? BaselineSd => InBaseline ? null : _sd;

    /// <summary>The upper cumulative sum S⁺ (baseline standard deviations).</summary>
    public double UpperSum { get; private set; }

    /// <summary>The lower cumulative sum S⁻ (baseline standard deviations).</summary>
    public double LowerSum { get; private set; }

    /// <summary>
    /// Feeds one turn. Returns the change point when an alarm fires at this turn, otherwise null.
    /// A null <paramref name="value"/> (an unscored turn) is skipped.
    /// </summary>
    /// <exception cref="ArgumentException">The turn does not follow the last one fed, or the value is not finite.</exception>
    public ChangePoint? Feed(int turn, double? value)
    {
        if (turn <= _lastTurn)
        {
            throw new ArgumentException($"Turns must be strictly increasing; turn {turn} follows {_lastTurn}.", nameof(turn));
        }

        _lastTurn = turn;
        if (value is not { } x)
        {
            return null;
        }

        if (!double.IsFinite(x))
        {
            throw new ArgumentException($"Turn {turn} has a value that is not finite; use null for unscored.", nameof(value));
        }

        if (InBaseline)
        {
            // Welford's update: no buffer of baseline values.
            _count++;
            var delta = x - _mean;
            _mean += delta / _count;
            _m2 += delta * (x - _mean);
            if (!InBaseline)
            {
                var sd = _count > 1 ? Math.Sqrt(_m2 / (_count - 1)) : 0;
                _sd = Math.Max(sd, Options.SdFloor);
                _lastZeroUp = _lastZeroDown = turn;
            }

            return null;
        }

        var z = (x - _mean) / _sd;
        var k = Options.Allowance;
        UpperSum = Math.Max(0, UpperSum + z - k);
        LowerSum = Math.Max(0, LowerSum - z - k);
        if (UpperSum == 0)
        {
            _lastZeroUp = turn;
        }

        if (LowerSum == 0)
        {
            _lastZeroDown = turn;
        }

        ChangePoint? alarm = null;
        if (UpperSum > Options.DecisionInterval)
        {
            alarm = new ChangePoint(turn, _lastZeroUp, ChangeDirection.Up, UpperSum);
        }
        else if (LowerSum > Options.DecisionInterval)
        {
            alarm = new ChangePoint(turn, _lastZeroDown, ChangeDirection.Down, LowerSum);
        }

        if (alarm is not null)
        {
            Rebaseline();
        }

        return alarm;
    }

    /// <summary>Forgets everything: the baseline, the sums and the last turn.</summary>
    public void Reset()
    {
        Rebaseline();
        _lastTurn = int.MinValue;
    }

    private void Rebaseline()
    {
        _count = 0;
        _mean = _m2 = _sd = 0;
        UpperSum = LowerSum = 0;
    }
}
