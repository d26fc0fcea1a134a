namespace Simulator.Reports.Plots;

/// <summary>
/// The mean of several runs' curves turn by turn, with a 95% confidence band (Student's t over the
/// runs that have a value at the turn). A turn no run has a value at is a gap; a turn only one run
/// has a value at has a mean but no band.
/// </summary>
/// <param name="Label">The legend text (the therapist).</param>
/// <param name="Mean">Mean per turn, from turn 1.</param>
/// <param name="Lower">Lower end of the band per turn.</param>
/// <param name="Upper">Upper end of the band per turn.</param>
/// <param name="Count">Runs with a value per turn.</param>
public sealed record MeanCurve(string Label, IReadOnlyList<double?> Mean, IReadOnlyList<double?> Lower, IReadOnlyList<double?> Upper, IReadOnlyList<int> Count)
{
    /// <summary>The palette index of its colour; null takes the next one.</summary>
    public int? Colour { get; init; }

    /// <summary>Most runs that contributed to any turn.</summary>
    public int Runs => Count.Count == 0 ? 0 : Count.Max();
}
