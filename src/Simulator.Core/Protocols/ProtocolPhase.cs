namespace Simulator.Core.Protocols;

/// <summary>A phase of a protocol.</summary>
public sealed record ProtocolPhase
{
    /// <summary>Kebab-case id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The last turn of the phase; null on the last phase.</summary>
    public int? UntilTurn { get; init; }

    /// <summary>What the phase aims at.</summary>
    public IReadOnlyList<string> Goals { get; init; } = [];

    /// <summary>What the offline scripted therapist says in this phase.</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];
}
