using Simulator.Monitoring.Aggregates;

namespace Simulator.Monitoring.Tests.Aggregates;

public class CusumTests
{
    [Fact]
    public void FirstChangePoint_FlatBaselineThenRise_KnownAnswer()
    {
        // Baseline 0 × 5: mean 0, sd floored to 0.1. Turn 6: z = 3, S+ = 2.5; turn 7: S+ = 5 > 4.
        var change = Cusum.FirstChangePoint(Series.Of(0, 0, 0, 0, 0, 0.3, 0.3, 0.3));

        Assert.Equal(new ChangePoint(7, 5, ChangeDirection.Up, 5.0), change! with { Sum = Math.Round(change.Sum, 9) });
    }

    [Fact]
    public void FirstChangePoint_Fall_DirectionDownAndOnsetIsLastZeroOfTheLowerSum()
    {
        // Turn 6: z = −1, S− = 0.5; turn 7: z = 0, S− = 0 (last zero); turn 8: z = −5, S− = 4.5 > 4.
        var change = Cusum.FirstChangePoint(Series.Of(0, 0, 0, 0, 0, -0.1, 0, -0.5));

        Assert.NotNull(change);
        Assert.Equal(8, change.AlarmTurn);
        Assert.Equal(7, change.OnsetTurn);
        Assert.Equal(ChangeDirection.Down, change.Direction);
        Assert.Equal(4.5, change.Sum, 9);
    }

    [Fact]
    public void FirstChangePoint_ExactlyAtDecisionInterval_DoesNotFire()
    {
        // z = 4.5 gives S+ = 4.0, which is not > h = 4.
        Assert.Null(Cusum.FirstChangePoint(Series.Of(0, 0, 0, 0, 0, 0.45)));
    }

    [Fact]
    public void FirstChangePoint_StepChangeInNoise_DetectedWithinThreeTurns()
    {
        var noise = Series.Noise(7, 0.05).Take(30).ToArray();
        var values = noise.Select((e, i) => (double?)((i < 15 ? 0.2 : 0.6) + e)).ToArray();

        var change = Cusum.FirstChangePoint(Series.Of(values));

        Assert.NotNull(change);
        Assert.Equal(ChangeDirection.Up, change.Direction);
        Assert.InRange(change.AlarmTurn, 16, 18);
        Assert.InRange(change.OnsetTurn, 6, 16);
    }

    [Theory]
    [InlineData(1u)]
    [InlineData(42u)]
    [InlineData(2024u)]
    public void ChangePoints_StationaryNoise_NeverFire(uint seed)
    {
        var values = Series.Noise(seed, 0.1).Take(60).Select(e => (double?)(0.5 + e)).ToArray();

        Assert.Empty(Cusum.ChangePoints(Series.Of(values)));
    }

    [Fact]
    public void ChangePoints_SustainedShift_OneAlarmThenRebaselined()
    {
        var values = Enumerable.Repeat<double?>(0, 5).Concat(Enumerable.Repeat<double?>(1, 20)).ToArray();

        var alarms = Cusum.ChangePoints(Series.Of(values));

        Assert.Equal(6, Assert.Single(alarms).AlarmTurn);
    }

    [Fact]
    public void ChangePoints_TwoShifts_TwoAlarms()
    {
        var values = Enumerable.Repeat<double?>(0, 5).Concat(Enumerable.Repeat<double?>(1, 10)).Concat(Enumerable.Repeat<double?>(0, 5)).ToArray();

        var alarms = Cusum.ChangePoints(Series.Of(values));

        Assert.Equal([(6, ChangeDirection.Up), (16, ChangeDirection.Down)], alarms.Select(a => (a.AlarmTurn, a.Direction)));
    }

    [Fact]
    public void FirstChangePoint_UnscoredTurns_SkippedWithoutChangingTheResult()
    {
        var dense = Cusum.FirstChangePoint(Series.Of(0, 0, 0, 0, 0, 0.3, 0.3));
        var gappy = Cusum.FirstChangePoint(Series.Of(0, null, 0, 0, 0, 0, null, 0.3, null, 0.3));

        Assert.Equal(7, dense!.AlarmTurn);
        Assert.Equal(10, gappy!.AlarmTurn);
        Assert.Equal(6, gappy.OnsetTurn);
        Assert.Equal(dense.Sum, gappy.Sum);
    }

    [Fact]
    public void FirstChangePoint_BaselineNeverCompletes_Null()
    {
        Assert.Null(Cusum.FirstChangePoint(Series.Of(0, 1, null, 5)));
    }

    [Fact]
    public void Detector_FedOneAtATime_AgreesWithBatch()
    {
        var noise = Series.Noise(99, 0.08).Take(80).ToArray();
        var values = noise.Select((e, i) => i % 7 == 3 ? null : (double?)((i / 20 % 2 == 0 ? 0.3 : 0.7) + e)).ToArray();
        var series = Series.Of(values);
        var detector = new CusumDetector();

        var online = series.Select(p => detector.Feed(p.Turn, p.Value)).OfType<ChangePoint>().ToList();

        Assert.NotEmpty(online);
        Assert.Equal(online, Cusum.ChangePoints(series));
        Assert.Equal(online[0], Cusum.FirstChangePoint(series));
    }

    [Fact]
    public void Detector_Parameters_AreUsed()
    {
        var options = new CusumOptions { BaselineLength = 2, Allowance = 0, DecisionInterval = 1, SdFloor = 1 };
        var detector = new CusumDetector(options);

        Assert.Null(detector.Feed(1, 0));
        Assert.Null(detector.Feed(2, 0));
        Assert.Equal(0, detector.BaselineMean);
        Assert.Equal(1, detector.BaselineSd);
        Assert.Null(detector.Feed(3, 0.6));
        Assert.Equal(ChangeDirection.Up, detector.Feed(4, 0.6)?.Direction);
    }

    [Fact]
    public void Detector_TurnGoesBack_Throws()
    {
        var detector = new CusumDetector();
        detector.Feed(3, 1);

        Assert.Throws<ArgumentException>(() => detector.Feed(3, 1));
    }

    [Fact]
    public void Options_InvalidValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CusumOptions { BaselineLength = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new CusumOptions { SdFloor = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new CusumOptions { DecisionInterval = double.NaN });
        Assert.Throws<ArgumentOutOfRangeException>(() => new CusumOptions { Allowance = -1 });
    }
}
