using ScottPlot;

namespace Simulator.Reports.Plots;

/// <summary>
/// Draws a <see cref="Chart"/> with ScottPlot (headless, through SkiaSharp) as PNG and SVG. Each
/// curve is drawn piece by piece (<see cref="CurveSegment"/>) in one colour, so gaps stay gaps; a
/// piece of a single turn gets a marker so it does not vanish. Alerts are thin red lines, the fork a
/// dashed black line, session starts dotted grey lines. A dashed curve also has open markers: the
/// SVG is drawn without dash patterns (Skia's SVG canvas does not support them and says so on
/// standard error), so there the markers tell it apart.
/// </summary>
public static class ChartRenderer
{
    /// <summary>Width of the images in pixels.</summary>
    public const int Width = 1000;

    /// <summary>Height of the images in pixels.</summary>
    public const int Height = 420;

    /// <summary>The colours curves take by index (<see cref="Curve.Colour"/>): Category10.</summary>
    internal static IPalette Palette { get; } = new ScottPlot.Palettes.Category10();

    /// <summary>Draws <paramref name="chart"/>.</summary>
    public static RenderedChart Render(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return new RenderedChart(chart, Build(chart, dashes: true).GetImageBytes(Width, Height, ImageFormat.Png), Build(chart, dashes: false).GetSvgXml(Width, Height));
    }

    /// <summary>The ScottPlot plot of <paramref name="chart"/>; <paramref name="dashes"/> false for SVG (see the class remarks).</summary>
    internal static Plot Build(Chart chart, bool dashes)
    {
        var plot = new Plot();
        var next = 0;
        foreach (var band in chart.Bands)
        {
            var colour = Palette.GetColor(band.Colour ?? next++);
            foreach (var piece in BandPieces(band))
            {
                var fill = plot.Add.FillY(piece.Turns, piece.Lower, piece.Upper);
                fill.FillColor = colour.WithAlpha(0.22);
                fill.LineColor = Colors.Transparent;
            }

            Draw(plot, new Curve($"{band.Label} (n={band.Runs})", band.Mean), colour, dashes);
        }

        foreach (var curve in chart.Curves)
        {
            Draw(plot, curve, Palette.GetColor(curve.Colour ?? next++), dashes);
        }

        foreach (var threshold in chart.Thresholds)
        {
            var line = plot.Add.HorizontalLine(threshold);
            line.Color = Colors.Gray.WithAlpha(0.8);
            line.LineWidth = 1;
            line.LinePattern = dashes ? LinePattern.Dotted : LinePattern.Solid;
            line.LegendText = "";
        }

        Mark(plot, chart.Markers, dashes);
        var last = chart.LastTurn > 0 ? chart.LastTurn : Math.Max(1, chart.Curves.Select(c => c.Values.Count).Concat(chart.Bands.Select(b => b.Mean.Count)).DefaultIfEmpty(1).Max());
        plot.Axes.SetLimitsX(0.5, last + 0.5);
        if (chart.YRange is { } range)
        {
            var pad = (range.Max - range.Min) * 0.04;
            plot.Axes.SetLimitsY(range.Min - pad, range.Max + pad);
        }

        plot.Title(chart.Title);
        plot.XLabel("turn");
        plot.YLabel(chart.YLabel);
        if (chart.ShowLegend)
        {
            plot.ShowLegend(Edge.Right);
        }
        else
        {
            plot.HideLegend();
        }

        return plot;
    }

    private static void Draw(Plot plot, Curve curve, Color colour, bool dashes)
    {
        var pieces = curve.Segments();
        if (pieces.Count == 0)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{curve.Label} (no values)", LineColor = colour, LineWidth = 2 });
            return;
        }

        for (var i = 0; i < pieces.Count; i++)
        {
            var line = plot.Add.Scatter(pieces[i].Turns, pieces[i].Values, colour);
            line.LineWidth = 2;
            line.MarkerSize = pieces[i].Turns.Length == 1 || curve.Dashed ? 6 : 3;
            line.MarkerShape = curve.Dashed ? MarkerShape.OpenCircle : MarkerShape.FilledCircle;
            line.LinePattern = curve.Dashed && dashes ? LinePattern.Dashed : LinePattern.Solid;
            line.LegendText = i == 0 ? curve.Label : "";
        }
    }

    private static void Mark(Plot plot, IReadOnlyList<TurnMarker> markers, bool dashes)
    {
        var alertShown = false;
        foreach (var marker in markers.DistinctBy(m => (m.Turn, m.Kind)))
        {
            var line = plot.Add.VerticalLine(marker.Turn);
            switch (marker.Kind)
            {
                case TurnMarkerKind.Alert:
                    line.Color = Colors.Red.WithAlpha(0.35);
                    line.LineWidth = 1;
                    line.LegendText = alertShown ? "" : "alert";
                    alertShown = true;
                    break;
                case TurnMarkerKind.Fork:
                    line.Color = Colors.Black;
                    line.LineWidth = 2;
                    line.LinePattern = dashes ? LinePattern.Dashed : LinePattern.Solid;
                    line.LegendText = marker.Label ?? $"fork at turn {marker.Turn}";
                    break;
                default:
                    line.Color = Colors.Gray;
                    line.LinePattern = dashes ? LinePattern.Dotted : LinePattern.Solid;
                    line.LegendText = "";
                    break;
            }
        }
    }

    private static IEnumerable<(double[] Turns, double[] Lower, double[] Upper)> BandPieces(MeanCurve band) =>
        CurveSegment.Runs(band.Lower.Count, i => band.Lower[i] is not null && band.Upper[i] is not null)
            .Select(r => Enumerable.Range(r.Start, r.Length).ToList())
            .Select(range => (range.Select(j => j + 1.0).ToArray(), range.Select(j => band.Lower[j]!.Value).ToArray(), range.Select(j => band.Upper[j]!.Value).ToArray()));
}
