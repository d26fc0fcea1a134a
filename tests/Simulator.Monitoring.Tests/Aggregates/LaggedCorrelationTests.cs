using Simulator.Monitoring.Aggregates;

namespace Simulator.Monitoring.Tests.Aggregates;

public class LaggedCorrelationTests
{
    private static readonly IReadOnlyList<TurnValue> X = Series.Of(1, 2, 3, 4);
    private static readonly IReadOnlyList<TurnValue> Y = Series.Of(5, 1, 3, 2, 4);

    [Fact]
    public void Of_Lag0_KnownAnswer()
    {
        // Pairs (1,5), (2,1), (3,3), (4,2): Sxy = −3.5, Sxx = 5, Syy = 8.75.
        Assert.Equal(-3.5 / Math.Sqrt(5 * 8.75), LaggedCorrelation.Of(X, Y, 0)!.Value, 12);
    }

    [Fact]
    public void Of_Lag1_PairsXWithYOneTurnLater()
    {
        // Pairs (1,1), (2,3), (3,2), (4,4): Sxy = 4, Sxx = Syy = 5.
        Assert.Equal(0.8, LaggedCorrelation.Of(X, Y, 1)!.Value, 12);
        Assert.Equal(4, LaggedCorrelation.Pairs(X, Y, 1));
    }

    [Fact]
    public void Of_Lag2_ThreePairsIsEnough()
    {
        // Pairs (1,3), (2,2), (3,4): Sxy = 1, Sxx = Syy = 2.
        Assert.Equal(0.5, LaggedCorrelation.Of(X, Y, 2)!.Value, 12);
    }

    [Fact]
    public void Of_UnscoredTurn_DropsItsPair()
    {
        var y = Series.Of(5, 1, null, 2, 4);

        // Pairs (1,1), (3,2), (4,4): Sxy = 39/9, Sxx = Syy = 42/9.
        Assert.Equal(39.0 / 42, LaggedCorrelation.Of(X, y, 1)!.Value, 12);
        Assert.Equal(3, LaggedCorrelation.Pairs(X, y, 1));
    }

    [Fact]
    public void Of_FewerThanThreePairs_Null()
    {
        Assert.Null(LaggedCorrelation.Of(X, Y, 3));
    }

    [Fact]
    public void Of_ZeroVariance_Null()
    {
        Assert.Null(LaggedCorrelation.Of(Series.Of(1, 1, 1, 1), Y, 0));
    }
}
