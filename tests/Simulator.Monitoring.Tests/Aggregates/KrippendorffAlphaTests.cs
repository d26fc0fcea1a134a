using Simulator.Monitoring.Aggregates;

namespace Simulator.Monitoring.Tests.Aggregates;

public class KrippendorffAlphaTests
{
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers,
    // 12 units, missing values. Published: nominal 0.743, ordinal 0.815, interval 0.849.
    private static readonly double?[][] FourObservers =
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];

    // Wikipedia, "Krippendorff's alpha", computational example: 3 coders, 15 units.
    // Nominal 0.691358, interval 0.810845 (as the fast-krippendorff reference tests also assert).
    private static readonly double?[][] ThreeCoders =
    [
        [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
        [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
        [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
    ];

    /// <summary>Observer rows to unit lists (units = turns, raters = judges).</summary>
    private static IReadOnlyList<IReadOnlyList<double?>> Units(double?[][] byObserver) =>
        [.. Enumerable.Range(0, byObserver[0].Length).Select(u => (IReadOnlyList<double?>)[.. byObserver.Select(o => o[u])])];

    [Theory]
    [InlineData(AlphaLevel.Nominal, 0.743)]
    [InlineData(AlphaLevel.Ordinal, 0.815)]
    [InlineData(AlphaLevel.Interval, 0.849)]
    public void Of_KrippendorffsPublishedExample_MatchesToThreeDecimals(AlphaLevel level, double published)
    {
        var alpha = KrippendorffAlpha.Of(Units(FourObservers), level);

        Assert.Equal(published, Math.Round(alpha.Value!.Value, 3));
        Assert.Equal(40, alpha.PairableValues); // unit 12 has one value and is not pairable
        Assert.Equal(11, alpha.PairableUnits);
    }

    [Theory]
    [InlineData(AlphaLevel.Nominal, 0.691358)]
    [InlineData(AlphaLevel.Interval, 0.810845)]
    public void Of_WikipediaExample_MatchesToSixDecimals(AlphaLevel level, double published)
    {
        Assert.Equal(published, Math.Round(KrippendorffAlpha.Of(Units(ThreeCoders), level).Value!.Value, 6));
    }

    [Fact]
    public void Of_PerfectAgreementWithVariation_One()
    {
        var units = new IReadOnlyList<double?>[] { [1, 1], [2, 2, null], [3, 3, 3] };

        Assert.Equal(1, KrippendorffAlpha.Of(units).Value);
        Assert.Equal(1, KrippendorffAlpha.Of(units, AlphaLevel.Nominal).Value);
        Assert.Equal(1, KrippendorffAlpha.Of(units, AlphaLevel.Ordinal).Value);
    }

    [Fact]
    public void Of_NoVariation_NullWithReason()
    {
        var alpha = KrippendorffAlpha.Of([[2, 2], [2, 2, 2]]);

        Assert.Null(alpha.Value);
        Assert.Contains("no variation", alpha.Reason);
    }

    [Fact]
    public void Of_NoUnitWithTwoRatings_NullWithReason()
    {
        var alpha = KrippendorffAlpha.Of([[1, null], [null, 2], []]);

        Assert.Null(alpha.Value);
        Assert.Equal(0, alpha.PairableValues);
        Assert.NotNull(alpha.Reason);
    }

    [Fact]
    public void Of_SystematicDisagreement_Negative()
    {
        // Each unit has opposite values; across units the values look like chance.
        var alpha = KrippendorffAlpha.Of([[0, 1], [1, 0], [0, 1]], AlphaLevel.Nominal);

        // n = 6; Do = 1; De = (36 − 9 − 9) / 30 = 0.6.
        Assert.Equal(1 - (1 / 0.6), alpha.Value!.Value, 12);
    }
}
