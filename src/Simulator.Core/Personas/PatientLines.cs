namespace Simulator.Core.Personas;

/// <summary>What the offline scripted patient says: openings, reactions by act, topics by state band.</summary>
public sealed record PatientLines
{
    /// <summary>First-turn lines.</summary>
    public IReadOnlyList<string> Opening { get; init; } = [];

    /// <summary>Short reactions to the therapist's last reply, by appraised act.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Reactions { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>What the patient talks about.</summary>
    public IReadOnlyList<LineTopic> Topics { get; init; } = [];
}
