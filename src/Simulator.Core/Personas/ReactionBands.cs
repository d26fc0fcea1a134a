namespace Simulator.Core.Personas;

/// <summary>
/// Reactions to one therapist act that depend on the state (<c>lines.reactions_by_band</c>): by the
/// band of <see cref="Variable"/>, e.g. a validation welcomed while the belief is held and doubted
/// once it is being let go. Where the band has lines they are said instead of the act's plain reactions.
/// </summary>
public sealed record ReactionBands
{
    /// <summary>The therapist act reacted to.</summary>
    public string Act { get; init; } = "";

    /// <summary>The state variable whose band picks the reaction.</summary>
    public string Variable { get; init; } = "";

    /// <summary>Reactions by band name (<see cref="Clinical.StateBands"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Bands { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
