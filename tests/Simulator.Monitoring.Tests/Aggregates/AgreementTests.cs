using Simulator.Monitoring.Aggregates;

namespace Simulator.Monitoring.Tests.Aggregates;

public class AgreementTests
{
    [Fact]
    public void Of_KnownAnswer_PairsByTurnAndClampsForTheError()
    {
        var latent = Series.Of(10, 12, 15, 20);
        var observed = Series.Of(11, null, 14, 30);

        var a = Agreement.Of(latent, observed, 0, 27);

        // Pairs (10,11), (15,14), (20,30); 30 clamps to 27 for the error: (1 + 1 + 7) / 3.
        Assert.Equal(3, a.Pairs);
        Assert.Equal(3, a.MeanAbsoluteError!.Value, 12);
        Assert.Equal(95 / Math.Sqrt(50 * 1878.0 / 9), a.Pearson!.Value, 12);
        Assert.Equal(1, a.Spearman!.Value, 12);
    }

    [Fact]
    public void Of_TiedRanks_SpearmanUsesAverageRanks()
    {
        // x ranks 1, 2, 3, 4; y = 1, 1, 2, 3 ranks 1.5, 1.5, 3, 4.
        var a = Agreement.Of(Series.Of(1, 2, 3, 4), Series.Of(1, 1, 2, 3), 0, 5);

        var expected = 4.5 / Math.Sqrt(5 * 4.5);
        Assert.Equal(expected, a.Spearman!.Value, 12);
    }

    [Fact]
    public void Of_TwoPairs_CorrelationsNullErrorStillComputed()
    {
        var a = Agreement.Of(Series.Of(1, 2), Series.Of(2, 2), 1, 5);

        Assert.Null(a.Pearson);
        Assert.Null(a.Spearman);
        Assert.Equal(0.5, a.MeanAbsoluteError);
    }

    [Fact]
    public void Of_NoPairs_AllNull()
    {
        Assert.Equal(new Agreement(null, null, null, 0), Agreement.Of(Series.Of(1, null), Series.Of(null, 3), 1, 5));
    }
}
