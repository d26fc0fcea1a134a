namespace Simulator.Core.Personas;

/// <summary>What the offline scripted patient says: openings, reactions by act (and by state band), topics by state band.</summary>
public sealed record PatientLines
{
    /// <summary>First-turn lines.</summary>
    public IReadOnlyList<string> Opening { get; init; } = [];

    /// <summary>Short reactions to the therapist's last reply, by appraised act.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Reactions { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Reactions that depend on the state, preferred over <see cref="Reactions"/> where their band has lines.</summary>
    public IReadOnlyList<ReactionBands> ReactionsByBand { get; init; } = [];

    /// <summary>What the patient talks about.</summary>
    public IReadOnlyList<LineTopic> Topics { get; init; } = [];

    /// <summary>Every line of the persona's patient, once each.</summary>
    public IEnumerable<string> All =>
        Opening.Concat(Reactions.Values.SelectMany(r => r)).Concat(ReactionsByBand.SelectMany(r => r.Bands.Values.SelectMany(b => b)))
            .Concat(Topics.SelectMany(t => t.AllLines)).Distinct(StringComparer.Ordinal);
}
