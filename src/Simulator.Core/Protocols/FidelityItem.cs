namespace Simulator.Core.Protocols;

/// <summary>A yes/no fidelity question, asked of one turn or of a window of turns.</summary>
public sealed record FidelityItem
{
    /// <summary>Kebab-case id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The question.</summary>
    public string Question { get; init; } = "";

    /// <summary><c>turn</c> or <c>window</c>.</summary>
    public string Scope { get; init; } = "";

    /// <summary>Window length in turns (scope window only).</summary>
    public int? Window { get; init; }
}
