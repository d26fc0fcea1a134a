namespace Simulator.Cli.Tests.Browser;

/// <summary>
/// What a page showed in the browser: its console errors and failed loads, the requests it made, a
/// screenshot of each plot, what spilled out sideways at the page's width (every collapsed part
/// opened), and a screenshot of the top of the page.
/// </summary>
internal sealed record PageCheck(IReadOnlyList<string> Errors, IReadOnlyList<string> Requests, IReadOnlyList<PlotShot> Plots)
{
    /// <summary>Elements whose content is wider than their box, or that reach past the page's right edge, described (tag, class, text, widths).</summary>
    public IReadOnlyList<string> Overflow { get; init; } = [];

    /// <summary>The page as shown, from the top (at most 4,000 px of it), PNG.</summary>
    public byte[] Screenshot { get; init; } = [];
}

/// <summary>One plot on the page: its image as decoded (natural size) and a screenshot of it as shown.</summary>
internal sealed record PlotShot(string Id, int NaturalWidth, int NaturalHeight, byte[] Screenshot);
