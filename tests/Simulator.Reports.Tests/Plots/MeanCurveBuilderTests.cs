using Simulator.Reports.Plots;

namespace Simulator.Reports.Tests.Plots;

public class MeanCurveBuilderTests
{
    [Fact]
    public void Build_ThreeRuns_MeanAndStudentTBand()
    {
        var builder = new MeanCurveBuilder();
        builder.Add([1.0, 5.0]);
        builder.Add([2.0, null]);
        builder.Add([3.0]);

        var curve = builder.Build("scripted:faithful");

        // Turn 1: mean 2, sd 1, standard error 1/sqrt(3), t(0.975, 2) = 4.30265.
        Assert.Equal(2, curve.Mean[0]!.Value, 12);
        Assert.Equal(2 - (4.30265 / Math.Sqrt(3)), curve.Lower[0]!.Value, 5);
        Assert.Equal(2 + (4.30265 / Math.Sqrt(3)), curve.Upper[0]!.Value, 5);
        Assert.Equal([3, 1], curve.Count);

        // Turn 2: one run scored it: a mean, no band.
        Assert.Equal(5, curve.Mean[1]);
        Assert.Null(curve.Lower[1]);
        Assert.Null(curve.Upper[1]);
        Assert.Equal(3, curve.Runs);
        Assert.Equal(3, builder.Runs);
    }

    [Fact]
    public void Build_NoRunScoredATurn_IsAGap()
    {
        var builder = new MeanCurveBuilder();
        builder.Add([null, 1.0]);
        builder.Add([double.NaN, 1.0]);

        var curve = builder.Build("x");

        Assert.Null(curve.Mean[0]);
        Assert.Equal(0, curve.Count[0]);
        Assert.Equal(1, curve.Mean[1]);
        Assert.Equal(1, curve.Lower[1]);
    }

    [Fact]
    public void Build_ManyRuns_MatchesTwoPassMeanAndVariance()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 50).Select(_ => random.NextDouble() * 2).ToList();
        var builder = new MeanCurveBuilder();
        foreach (var v in values)
        {
            builder.Add([v]);
        }

        var curve = builder.Build("x");

        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        var half = StudentT.Quantile975(49) * sd / Math.Sqrt(values.Count);
        Assert.Equal(mean, curve.Mean[0]!.Value, 10);
        Assert.Equal(mean - half, curve.Lower[0]!.Value, 10);
        Assert.Equal(mean + half, curve.Upper[0]!.Value, 10);
    }

    [Theory]
    [InlineData(1, 12.706)]
    [InlineData(2, 4.303)]
    [InlineData(9, 2.262)]
    [InlineData(30, 2.042)]
    [InlineData(50, 2.009)]
    [InlineData(100, 1.984)]
    [InlineData(1000, 1.962)]
    [InlineData(1_000_000, 1.960)]
    public void Quantile975_MatchesTheTable(int df, double expected) =>
        Assert.Equal(expected, StudentT.Quantile975(df), 0.002);

    [Fact]
    public void Quantile975_FallsWithDegreesOfFreedom()
    {
        var values = Enumerable.Range(1, 400).Select(StudentT.Quantile975).ToList();
        Assert.All(values.Zip(values.Skip(1)), p => Assert.True(p.First >= p.Second));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile975(0));
    }
}
