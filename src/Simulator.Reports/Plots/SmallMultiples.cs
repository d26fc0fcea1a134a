namespace Simulator.Reports.Plots;

/// <summary>
/// A figure of small multiples: one <see cref="Chart"/> per panel (one metric each), on a grid, under
/// one title and one legend shared by every panel (the same colour is the same series everywhere).
/// <see cref="FigureRenderer"/> draws it as one PNG and one SVG.
/// </summary>
/// <param name="Name">File name stem in the report's <c>plots/</c> folder (letters, digits, <c>-</c>).</param>
/// <param name="Title">The figure's title.</param>
/// <param name="Panels">The panels, in reading order; their own legends are not drawn.</param>
public sealed record SmallMultiples(string Name, string Title, IReadOnlyList<Chart> Panels)
{
    /// <summary>Panels per row. Default 3.</summary>
    public int Columns { get; init; } = 3;

    /// <summary>Width of a panel in pixels. Default 420.</summary>
    public int PanelWidth { get; init; } = 420;

    /// <summary>Height of a panel in pixels. Default 270.</summary>
    public int PanelHeight { get; init; } = 270;

    /// <summary>The shared legend.</summary>
    public IReadOnlyList<LegendEntry> Legend { get; init; } = [];
}

/// <summary>One entry of a figure's shared legend.</summary>
/// <param name="Label">The text.</param>
/// <param name="Colour">The palette index of the series it names.</param>
/// <param name="Dashed">Whether the series is drawn dashed.</param>
public sealed record LegendEntry(string Label, int Colour, bool Dashed = false);
