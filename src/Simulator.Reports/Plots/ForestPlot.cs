namespace Simulator.Reports.Plots;

/// <summary>
/// A forest plot: one row per estimate (a contrast's standardised effect), a marker at the estimate
/// and a line across its interval, a vertical line at no effect; rows of a group share a colour.
/// </summary>
/// <param name="Name">File name stem in the report's <c>plots/</c> folder.</param>
/// <param name="Title">The figure's title.</param>
/// <param name="XLabel">What the estimates are.</param>
/// <param name="Rows">The rows, top to bottom.</param>
public sealed record ForestPlot(string Name, string Title, string XLabel, IReadOnlyList<ForestRow> Rows);

/// <summary>One row of a <see cref="ForestPlot"/>.</summary>
/// <param name="Label">The row's label (what is estimated).</param>
/// <param name="Group">The group it belongs to (one colour per group).</param>
/// <param name="Estimate">The point estimate.</param>
/// <param name="Lower">The interval's lower end.</param>
/// <param name="Upper">The interval's upper end.</param>
public sealed record ForestRow(string Label, string Group, double Estimate, double Lower, double Upper);
