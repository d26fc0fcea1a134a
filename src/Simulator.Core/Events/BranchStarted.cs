using System.Collections.Immutable;
using MessagePack;
using Simulator.Core.Runs;

namespace Simulator.Core.Events;

/// <summary>
/// The first event of a branch: the run continues <see cref="ParentRunId"/> after its turn
/// <see cref="RunEvent.Turn"/> (whose events it references, not copies) with <see cref="Configuration"/>
/// and the edits applied at the next turn: a patient message in place of the patient model's, and
/// state variables set before the trajectory steps on.
/// </summary>
[MessagePackObject]
public sealed record BranchStarted(
    int Turn,
    DateTimeOffset At,
    [property: Key(2)] string ParentRunId,
    [property: Key(3)] string ParentContentHash,
    [property: Key(4)] RunConfiguration Configuration,
    [property: Key(5)] string PersonaHash,
    [property: Key(6)] string ProtocolHash,
    [property: Key(7)] string? InjectedPatientMessage,
    [property: Key(8)] ImmutableSortedDictionary<string, double> SetState) : RunEvent(Turn, At)
{
    /// <summary>Branches are ordered after the parent's turn they fork from.</summary>
    [IgnoreMember]
    public override int Lane => 2;
}
