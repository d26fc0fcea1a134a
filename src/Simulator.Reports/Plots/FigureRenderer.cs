using System.Globalization;
using System.Net;
using System.Text;
using ScottPlot;
using SkiaSharp;

namespace Simulator.Reports.Plots;

/// <summary>
/// Draws figures of several parts as one PNG and one SVG: <see cref="SmallMultiples"/> (each panel a
/// ScottPlot chart, laid out on a grid under the title and the shared legend) and
/// <see cref="ForestPlot"/>s. The PNG is composed with SkiaSharp, the SVG by nesting each panel's SVG.
/// </summary>
public static class FigureRenderer
{
    private const int TitleHeight = 34;
    private const int LegendRowHeight = 24;
    private const float TitleSize = 18;
    private const float LegendSize = 13;

    /// <summary>Draws <paramref name="figure"/>.</summary>
    public static RenderedFigure Render(SmallMultiples figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var columns = Math.Max(1, Math.Min(figure.Columns, figure.Panels.Count));
        var rows = (figure.Panels.Count + columns - 1) / columns;
        var width = columns * figure.PanelWidth;
        var legendRows = LegendRows(figure.Legend, width);
        var top = TitleHeight + (legendRows.Count * LegendRowHeight) + (legendRows.Count > 0 ? 6 : 0);
        var height = top + (rows * figure.PanelHeight);

        using var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var font = new SKFont(SKTypeface.Default, TitleSize) { Embolden = true };
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawText(figure.Title, width / 2f, 24, SKTextAlign.Center, font, ink);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/><text x=\"{width / 2}\" y=\"24\" text-anchor=\"middle\" font-family=\"sans-serif\" font-weight=\"bold\" font-size=\"{TitleSize}\">{Escape(figure.Title)}</text>");
        DrawLegend(canvas, svg, legendRows, TitleHeight);

        for (var i = 0; i < figure.Panels.Count; i++)
        {
            var (x, y) = (i % columns * figure.PanelWidth, top + (i / columns * figure.PanelHeight));
            var panel = figure.Panels[i] with { ShowLegend = false };
            using var image = SKBitmap.Decode(Small(ChartRenderer.Build(panel, dashes: true)).GetImageBytes(figure.PanelWidth, figure.PanelHeight, ImageFormat.Png));
            canvas.DrawBitmap(image, x, y);
            svg.Append(Nested(Small(ChartRenderer.Build(panel, dashes: false)).GetSvgXml(figure.PanelWidth, figure.PanelHeight), x, y));
        }

        svg.Append("</svg>");
        return new RenderedFigure(figure.Name, figure.Title, width, height, Png(bitmap), svg.ToString());
    }

    /// <summary>Draws <paramref name="forest"/>: 760 px wide plus room for the labels, 26 px a row.</summary>
    public static RenderedFigure Render(ForestPlot forest)
    {
        ArgumentNullException.ThrowIfNull(forest);
        var groups = forest.Rows.Select(r => r.Group).Distinct(StringComparer.Ordinal).ToList();
        Plot Build(bool dashes)
        {
            var plot = new Plot();
            // Rows top to bottom, a gap between groups.
            var ys = new double[forest.Rows.Count];
            var next = forest.Rows.Count + groups.Count - 1.0;
            for (var i = 0; i < forest.Rows.Count; i++)
            {
                next -= i > 0 && forest.Rows[i].Group != forest.Rows[i - 1].Group ? 1 : 0;
                ys[i] = next--;
            }

            var n = forest.Rows.Count;
            for (var i = 0; i < n; i++)
            {
                var row = forest.Rows[i];
                var y = ys[i];
                var colour = ChartRenderer.Palette.GetColor(groups.IndexOf(row.Group));
                var interval = plot.Add.Line(row.Lower, y, row.Upper, y);
                interval.Color = colour;
                interval.LineWidth = 2;
                var marker = plot.Add.Marker(row.Estimate, y);
                marker.Color = colour;
                marker.MarkerShape = MarkerShape.FilledSquare;
                marker.MarkerSize = 8;
            }

            var zero = plot.Add.VerticalLine(0);
            zero.Color = Colors.Black.WithAlpha(0.6);
            zero.LineWidth = 1;
            zero.LinePattern = dashes ? LinePattern.Dashed : LinePattern.Solid;
            plot.Axes.Left.SetTicks(ys, [.. forest.Rows.Select(r => r.Label)]);
            plot.Axes.Left.MajorTickStyle.Length = 0;
            var lo = forest.Rows.Select(r => Math.Min(r.Lower, r.Estimate)).Append(0).Min();
            var hi = forest.Rows.Select(r => Math.Max(r.Upper, r.Estimate)).Append(0).Max();
            var pad = Math.Max(0.1, (hi - lo) * 0.06);
            plot.Axes.SetLimitsX(lo - pad, hi + pad);
            plot.Axes.SetLimitsY(ys.DefaultIfEmpty(1).Min() - 0.6, ys.DefaultIfEmpty(1).Max() + 0.6);
            plot.Title(forest.Title);
            plot.XLabel(forest.XLabel);
            plot.Legend.ManualItems.AddRange(groups.Select((g, k) => new LegendItem { LabelText = g, LineColor = ChartRenderer.Palette.GetColor(k), LineWidth = 2, MarkerShape = MarkerShape.FilledSquare, MarkerColor = ChartRenderer.Palette.GetColor(k) }));
            plot.ShowLegend(Edge.Bottom);
            return plot;
        }

        var labelWidth = Math.Clamp(forest.Rows.Select(r => r.Label.Length).DefaultIfEmpty(10).Max() * 7, 120, 520);
        var width = 760 + labelWidth;
        var height = 150 + (26 * Math.Max(1, forest.Rows.Count + groups.Count - 1)) + (22 * groups.Count);
        return new RenderedFigure(forest.Name, forest.Title, width, height, Build(dashes: true).GetImageBytes(width, height, ImageFormat.Png), Build(dashes: false).GetSvgXml(width, height));
    }

    // Panels are small: smaller type than a full-width chart.
    private static Plot Small(Plot plot)
    {
        plot.Axes.Title.Label.FontSize = 14;
        plot.Axes.Left.Label.FontSize = 12;
        plot.Axes.Bottom.Label.FontSize = 12;
        plot.Axes.Left.TickLabelStyle.FontSize = 11;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        return plot;
    }

    /// <summary>The legend's entries broken into rows that fit <paramref name="width"/> (about 7 px a character, 40 px of line).</summary>
    private static List<List<LegendEntry>> LegendRows(IReadOnlyList<LegendEntry> legend, int width)
    {
        var rows = new List<List<LegendEntry>>();
        var used = width;
        foreach (var entry in legend)
        {
            var need = EntryWidth(entry);
            if (used + need > width - 20)
            {
                rows.Add([]);
                used = 20;
            }

            rows[^1].Add(entry);
            used += need;
        }

        return rows;
    }

    private static int EntryWidth(LegendEntry entry) => 48 + (int)(entry.Label.Length * 7.2);

    private static void DrawLegend(SKCanvas canvas, StringBuilder svg, List<List<LegendEntry>> rows, int top)
    {
        using var font = new SKFont(SKTypeface.Default, LegendSize);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        for (var r = 0; r < rows.Count; r++)
        {
            var y = top + (r * LegendRowHeight) + 16;
            var x = 20;
            foreach (var entry in rows[r])
            {
                var c = ChartRenderer.Palette.GetColor(entry.Colour);
                using var line = new SKPaint { Color = new SKColor(c.Red, c.Green, c.Blue), StrokeWidth = 3, IsAntialias = true, Style = SKPaintStyle.Stroke };
                if (entry.Dashed)
                {
                    line.PathEffect = SKPathEffect.CreateDash([6, 4], 0);
                }

                canvas.DrawLine(x, y - 4, x + 32, y - 4, line);
                canvas.DrawText(entry.Label, x + 38, y, SKTextAlign.Left, font, ink);
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" y1=\"{y - 4}\" x2=\"{x + 32}\" y2=\"{y - 4}\" stroke=\"#{c.Red:x2}{c.Green:x2}{c.Blue:x2}\" stroke-width=\"3\"{(entry.Dashed ? " stroke-dasharray=\"6 4\"" : "")}/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 38}\" y=\"{y}\" font-family=\"sans-serif\" font-size=\"{LegendSize}\">{Escape(entry.Label)}</text>");
                x += EntryWidth(entry);
            }
        }
    }

    /// <summary>A panel's SVG document placed at (<paramref name="x"/>, <paramref name="y"/>) inside the figure's.</summary>
    private static string Nested(string svg, int x, int y)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start < 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"<svg x=\"{x}\" y=\"{y}\"{svg[(start + 4)..]}");
    }

    private static byte[] Png(SKBitmap bitmap)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
