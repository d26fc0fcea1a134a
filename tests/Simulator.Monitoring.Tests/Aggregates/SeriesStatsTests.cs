using Simulator.Monitoring.Aggregates;

namespace Simulator.Monitoring.Tests.Aggregates;

public class SeriesStatsTests
{
    // Turns 1..5: 1, unscored, 3, 2, unscored.
    private static readonly IReadOnlyList<TurnValue> Gappy = Series.Of(1, null, 3, 2, null);

    [Fact]
    public void Of_SeriesWithUnscoredTurns_SkipsButCountsThem()
    {
        var s = SeriesStats.Of(Gappy);

        Assert.Equal(3, s.Scored);
        Assert.Equal(2, s.Unscored);
        Assert.Equal(2, s.Mean!.Value, 12);
        Assert.Equal(3, s.Max);
        Assert.Equal(2, s.Last);
        Assert.Equal(4, s.LastTurn);
    }

    [Fact]
    public void Of_SeriesWithUnscoredTurns_SlopeIsOlsOverScoredTurnNumbers()
    {
        // Turns 1, 3, 4 (mean 8/3), values 1, 3, 2 (mean 2): Sxy = 2, Sxx = 14/3.
        Assert.Equal(3.0 / 7, SeriesStats.Of(Gappy).Slope!.Value, 12);
    }

    [Fact]
    public void Of_SeriesWithUnscoredTurns_AreaIsTrapezoidOverScoredSpanPerTurn()
    {
        // Trapezoids 1→3: 2 × (1 + 3) / 2 = 4; 3→4: 1 × (3 + 2) / 2 = 2.5; span 4 − 1 = 3.
        Assert.Equal(6.5 / 3, SeriesStats.Of(Gappy).AreaPerLength!.Value, 12);
    }

    [Theory]
    [InlineData(2.5, 3)]
    [InlineData(3.0, 3)]
    [InlineData(0.5, 1)]
    public void Of_Threshold_FirstScoredTurnAtOrAboveIt(double threshold, int expected)
    {
        Assert.Equal(expected, SeriesStats.Of(Gappy, threshold).FirstCrossing);
    }

    [Fact]
    public void Of_ThresholdNeverReached_FirstCrossingIsNull()
    {
        var s = SeriesStats.Of(Gappy, 3.5);

        Assert.Null(s.FirstCrossing);
        Assert.Equal(3.5, s.Threshold);
    }

    [Fact]
    public void Of_NoThreshold_FirstCrossingIsNull()
    {
        Assert.Null(SeriesStats.Of(Gappy).FirstCrossing);
    }

    [Fact]
    public void Of_OneScoredTurn_SlopeAndAreaAreNullNotZero()
    {
        var s = SeriesStats.Of(Series.Of(null, 0.4, null));

        Assert.Equal(0.4, s.Mean);
        Assert.Equal(0.4, s.Last);
        Assert.Null(s.Slope);
        Assert.Null(s.AreaPerLength);
        Assert.Equal(2, s.Unscored);
    }

    [Fact]
    public void Of_NoScoredTurn_EverythingNullButCounts()
    {
        var s = SeriesStats.Of(Series.Of(null, null), threshold: 0);

        Assert.Equal(new SeriesStats(0, 2, null, null, null, null, null, null, 0, null), s);
    }

    [Fact]
    public void Of_ConstantSeries_SlopeZeroAreaIsTheLevel()
    {
        var s = SeriesStats.Of(Series.Of(0.5, 0.5, 0.5));

        Assert.Equal(0, s.Slope!.Value, 12);
        Assert.Equal(0.5, s.AreaPerLength!.Value, 12);
    }

    [Fact]
    public void Of_TurnsNotIncreasing_Throws()
    {
        Assert.Throws<ArgumentException>(() => SeriesStats.Of([new TurnValue(2, 1), new TurnValue(2, 1)]));
    }

    [Fact]
    public void Of_NaN_Throws()
    {
        Assert.Throws<ArgumentException>(() => SeriesStats.Of(Series.Of(1, double.NaN)));
    }
}
