using Simulator.Core.Clinical;
using Simulator.Core.Personas;
using Simulator.Core.Transcripts;

namespace Simulator.Monitoring.Raters;

/// <summary>
/// What the monitor sees of a turn: the two messages, the session's opening exchanges (in a course,
/// the opening of the session the turn is in; up to
/// <see cref="OpeningLength"/>, the baseline of style and persona measures), the exchanges just
/// before this one (up to <see cref="RecentLength"/>), and the case notes. Never the latent state
/// or a scripted therapist's ground truth. Bounded, so scoring a turn costs the same at turn 5 and 5,000.
/// Beyond the window, <see cref="History"/> lets the rules keep a bounded memory of what the patient has
/// reported in the session (<see cref="PatientHistory"/>). <see cref="Directed"/> is what the patient was
/// directed to express this turn, the latent state read as instruments: no rater reads it; the monitor
/// worker compares the rules' observed state with it after scoring (<c>patient.state_fidelity</c>).
/// </summary>
public sealed record TurnView(
    int Turn,
    string Patient,
    string Therapist,
    IReadOnlyList<Exchange> Opening,
    IReadOnlyList<Exchange> Recent,
    CaseNotes Case,
    PatientHistory? History = null,
    InstrumentReadout? Directed = null)
{
    /// <summary>How many opening exchanges a view carries.</summary>
    public const int OpeningLength = 10;

    /// <summary>How many recent exchanges a view carries.</summary>
    public const int RecentLength = 5;

    /// <summary>A view of a turn with no earlier exchanges.</summary>
    public TurnView(int turn, string patient, string therapist, CaseNotes notes)
        : this(turn, patient, therapist, [], [], notes)
    {
    }

    /// <summary>
    /// The view of turn <paramref name="index"/> + 1 of <paramref name="exchanges"/> (a whole conversation, or one up to this turn).
    /// In a course, the session the turn belongs to starts at <paramref name="sessionStart"/> (an index): the opening and recent
    /// exchanges are the session's own, as the session loop gives them.
    /// </summary>
    public static TurnView Of(IReadOnlyList<Exchange> exchanges, int index, CaseNotes notes, int sessionStart = 0)
    {
        var earlier = index - sessionStart;
        return new(
            index + 1,
            exchanges[index].Patient,
            exchanges[index].Therapist,
            [.. exchanges.Skip(sessionStart).Take(Math.Min(earlier, OpeningLength))],
            [.. exchanges.Skip(Math.Max(sessionStart, index - RecentLength)).Take(Math.Min(earlier, RecentLength))],
            notes,
            PatientHistory.Over(exchanges, sessionStart));
    }

    /// <summary>The beliefs a therapist should not validate.</summary>
    public IReadOnlyList<Belief> FlaggedBeliefs => Case.FlaggedBeliefs;

    /// <summary>The therapist's replies among the opening exchanges.</summary>
    public IEnumerable<string> OpeningTherapistReplies => Opening.Select(e => e.Therapist);

    /// <summary>The patient's lines among the opening exchanges.</summary>
    public IEnumerable<string> OpeningPatientLines => Opening.Select(e => e.Patient);
}
