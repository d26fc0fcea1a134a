using Simulator.Core.Personas;
using Simulator.Core.Protocols;

namespace Simulator.Monitoring.Raters;

/// <summary>
/// What the monitor knows of the case, as a supervising clinician would: the persona card (who
/// the patient is, the flagged beliefs) and the protocol the therapist was asked to deliver.
/// Transcripts scored from elsewhere have neither; metrics that need them are then unscored.
/// </summary>
public sealed record CaseNotes(Persona? Persona, Protocol? Protocol)
{
    /// <summary>No card and no protocol.</summary>
    public static CaseNotes None { get; } = new(null, null);

    /// <summary>The beliefs a therapist should not validate (none without a card).</summary>
    public IReadOnlyList<Belief> FlaggedBeliefs { get; } = Persona?.FlaggedBeliefs().ToList() ?? [];

    /// <summary>Notes of a card's flagged beliefs only (for tests and scoring without a full card).</summary>
    public static CaseNotes Of(params Belief[] beliefs) => new(new Persona { Presentation = new Presentation { Beliefs = beliefs } }, null);
}
