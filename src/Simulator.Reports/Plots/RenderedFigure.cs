namespace Simulator.Reports.Plots;

/// <summary>A figure drawn (a chart, small multiples or a forest plot): its name, title, size, PNG bytes and SVG document.</summary>
/// <param name="Name">File name stem.</param>
/// <param name="Title">The figure's title (the image's alternative text).</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Png">The PNG image.</param>
/// <param name="Svg">The SVG document.</param>
public sealed record RenderedFigure(string Name, string Title, int Width, int Height, byte[] Png, string Svg)
{
    /// <summary>The PNG as a <c>data:</c> URI, to inline in a page.</summary>
    public string PngDataUri => "data:image/png;base64," + Convert.ToBase64String(Png);

    /// <summary>A chart drawn at <see cref="ChartRenderer"/>'s size.</summary>
    public static RenderedFigure Of(RenderedChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return new RenderedFigure(chart.Chart.Name, chart.Chart.Title, ChartRenderer.Width, ChartRenderer.Height, chart.Png, chart.Svg);
    }
}
