namespace Simulator.Core.Personas;

/// <summary>A topic of the scripted patient, with lines by the band of one state variable.</summary>
public sealed record LineTopic
{
    /// <summary>Kebab-case id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The state variable whose band picks the lines.</summary>
    public string Variable { get; init; } = "";

    /// <summary>Relative chance of the topic.</summary>
    public double Weight { get; init; } = 1;

    /// <summary>Lines for the lowest third of the variable's range.</summary>
    public IReadOnlyList<string> Low { get; init; } = [];

    /// <summary>Lines for the middle third.</summary>
    public IReadOnlyList<string> Mid { get; init; } = [];

    /// <summary>Lines for the top third.</summary>
    public IReadOnlyList<string> High { get; init; } = [];

    /// <summary>The lines for a variable at <paramref name="normalised"/> (0..1 of its range).</summary>
    public IReadOnlyList<string> For(double normalised) => normalised < 1.0 / 3 ? Low : normalised < 2.0 / 3 ? Mid : High;
}
