namespace Simulator.Engine.Studies;

/// <summary>How to run a study: sessions at once, and whether to continue the folder's earlier attempt.</summary>
/// <param name="Concurrency">Runs in progress at once (at least 1), or null for the executor's default.</param>
/// <param name="Resume">Skip runs already complete and continue partial ones; without it the folder must be new or empty.</param>
public sealed record StudyOptions(int? Concurrency, bool Resume)
{
    /// <summary>How the study's contrasts are computed (<c>--baseline</c>).</summary>
    public Analysis.ContrastOptions Contrasts { get; init; } = Analysis.ContrastOptions.Default;
}
