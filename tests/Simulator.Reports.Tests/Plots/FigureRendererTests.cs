using Simulator.Reports.Plots;
using SkiaSharp;

namespace Simulator.Reports.Tests.Plots;

public class FigureRendererTests
{
    [Fact]
    public void SmallMultiples_OnePngOnAGrid_UnderTitleAndLegend_AndOneSvgNestingThePanels()
    {
        var panels = Enumerable.Range(0, 5).Select(i => new Chart($"p{i}", $"metric {i}", "0..1")
        {
            Bands = [new MeanCurve("a", [0.2, 0.3, 0.4], [0.1, 0.2, 0.3], [0.3, 0.4, 0.5], [3, 3, 3]) { Colour = 0 }],
            YRange = (0, 1),
            Thresholds = [0.5],
        }).ToList();

        var figure = FigureRenderer.Render(new SmallMultiples("grid", "Five metrics", panels) { Columns = 3, PanelWidth = 300, PanelHeight = 200, Legend = [new LegendEntry("level a (n=3)", 0)] });

        using var image = SKBitmap.Decode(figure.Png);
        Assert.Equal((900, figure.Height), (image.Width, image.Height));
        Assert.True(figure.Height >= 2 * 200 + 34, $"{figure.Height}");
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Matches(figure.Svg, "<svg").Count);
        Assert.Contains("Five metrics", figure.Svg, StringComparison.Ordinal);
        Assert.Contains("level a (n=3)", figure.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void ForestPlot_ARowPerEstimate_TallerWithMoreRows()
    {
        ForestRow[] rows = [new("dcs", "style: warm vs neutral", 0.5, 0.2, 0.8), new("conviction", "style: warm vs neutral", -0.1, -0.4, 0.2), new("dcs", "therapist: s vs f", 2, 1.5, 2.5)];

        var small = FigureRenderer.Render(new ForestPlot("forest", "Contrasts", "g", rows[..1]));
        var large = FigureRenderer.Render(new ForestPlot("forest", "Contrasts", "g", rows));

        Assert.True(large.Height > small.Height);
        using var image = SKBitmap.Decode(large.Png);
        Assert.Equal(large.Width, image.Width);
        Assert.Contains("<svg", large.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void RollingMean_AveragesTheWindowsValues_BridgingGapsInside_AndTheWindowGrowsWithTheSession()
    {
        var smoothed = RollingMean.Of([1, null, 3, null, null, null, 5], 3);

        Assert.Equal([1, 1, 2, 3, 3, null, 5], smoothed);
        Assert.Equal(3, RollingMean.WindowFor(20));
        Assert.Equal(5, RollingMean.WindowFor(60));
        Assert.Equal(25, RollingMean.WindowFor(3000));
    }
}
