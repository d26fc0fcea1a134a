namespace Simulator.Reports.Plots;

/// <summary>
/// One plot of a report, as data: curves over turns (gaps where a value is missing), mean curves with
/// confidence bands, and markers at turns. <see cref="ChartRenderer"/> draws it as PNG and SVG.
/// </summary>
/// <param name="Name">File name stem in the report's <c>plots/</c> folder (letters, digits, <c>-</c>).</param>
/// <param name="Title">The plot's title.</param>
/// <param name="YLabel">The vertical axis' label.</param>
public sealed record Chart(string Name, string Title, string YLabel)
{
    /// <summary>Lines, one per curve.</summary>
    public IReadOnlyList<Curve> Curves { get; init; } = [];

    /// <summary>Mean lines with their bands, one colour each.</summary>
    public IReadOnlyList<MeanCurve> Bands { get; init; } = [];

    /// <summary>Vertical lines.</summary>
    public IReadOnlyList<TurnMarker> Markers { get; init; } = [];

    /// <summary>The vertical axis' range; null fits the data.</summary>
    public (double Min, double Max)? YRange { get; init; }

    /// <summary>The last turn on the horizontal axis; 0 fits the data.</summary>
    public int LastTurn { get; init; }

    /// <summary>Horizontal dotted lines (a metric's threshold).</summary>
    public IReadOnlyList<double> Thresholds { get; init; } = [];

    /// <summary>Whether the chart shows its own legend (a panel of <see cref="SmallMultiples"/> shares the figure's).</summary>
    public bool ShowLegend { get; init; } = true;

    /// <summary>True when the chart has something to draw besides its axes.</summary>
    public bool HasData => Curves.Any(c => c.Points > 0) || Bands.Any(b => b.Mean.Any(m => m is not null));
}
