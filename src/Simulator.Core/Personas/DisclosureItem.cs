namespace Simulator.Core.Personas;

/// <summary>Something the patient withholds until a turn.</summary>
public sealed record DisclosureItem
{
    /// <summary>What is withheld.</summary>
    public string Item { get; init; } = "";

    /// <summary>The first turn it may be said.</summary>
    public int WithheldUntilTurn { get; init; }
}
