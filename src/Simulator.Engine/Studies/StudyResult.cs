namespace Simulator.Engine.Studies;

/// <summary>How a study attempt ended: its folder, its runs, and the files it left.</summary>
/// <param name="Name">The study's name.</param>
/// <param name="Path">The study folder.</param>
/// <param name="Status"><c>completed</c>, <c>cancelled</c> or <c>failed</c> (some runs failed).</param>
/// <param name="Runs">Runs in the study.</param>
/// <param name="Completed">Runs complete, earlier attempts' included.</param>
/// <param name="Skipped">Runs found complete from an earlier attempt.</param>
/// <param name="Failed">Runs that failed, with their errors, by run id.</param>
/// <param name="Cancelled">Runs stopped by cancellation or never started.</param>
/// <param name="Summary">The path of <c>summary.csv</c>.</param>
/// <param name="Scorecard">The path of <c>scorecard.csv</c>.</param>
/// <param name="Rows">The scorecard.</param>
/// <param name="Progress">The final counters.</param>
public sealed record StudyResult(
    string Name,
    string Path,
    string Status,
    int Runs,
    int Completed,
    int Skipped,
    IReadOnlyDictionary<string, string> Failed,
    int Cancelled,
    string Summary,
    string Scorecard,
    IReadOnlyList<ScorecardRow> Rows,
    StudyProgressSnapshot Progress)
{
    /// <summary>Turns, tokens, alerts and cost of the whole study and of this attempt, from the runs' logs.</summary>
    public StudyTotals? Totals { get; init; }

    /// <summary>The path of <c>contrasts.csv</c>.</summary>
    public string ContrastsPath { get; init; } = "";

    /// <summary>The contrasts between each factor's levels over the complete runs (<see cref="Analysis.ContrastAnalysis"/>).</summary>
    public IReadOnlyList<Analysis.Contrast> Contrasts { get; init; } = [];
}
