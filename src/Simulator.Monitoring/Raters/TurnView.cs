using Simulator.Core.Personas;
using Simulator.Core.Transcripts;

namespace Simulator.Monitoring.Raters;

/// <summary>
/// What the monitor sees of a turn: the two messages, the session's opening exchanges (up to
/// <see cref="OpeningLength"/>, the baseline of style and persona measures), the exchanges just
/// before this one (up to <see cref="RecentLength"/>), and the case notes. Never the latent state
/// or a scripted therapist's ground truth. Bounded, so scoring a turn costs the same at turn 5 and 5,000.
/// </summary>
public sealed record TurnView(
    int Turn,
    string Patient,
    string Therapist,
    IReadOnlyList<Exchange> Opening,
    IReadOnlyList<Exchange> Recent,
    CaseNotes Case)
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

    /// <summary>The view of turn <paramref name="index"/> + 1 of <paramref name="exchanges"/> (a whole conversation, or one up to this turn).</summary>
    public static TurnView Of(IReadOnlyList<Exchange> exchanges, int index, CaseNotes notes) => new(
        index + 1,
        exchanges[index].Patient,
        exchanges[index].Therapist,
        [.. exchanges.Take(Math.Min(index, OpeningLength))],
        [.. exchanges.Skip(Math.Max(0, index - RecentLength)).Take(Math.Min(index, RecentLength))],
        notes);

    /// <summary>The beliefs a therapist should not validate.</summary>
    public IReadOnlyList<Belief> FlaggedBeliefs => Case.FlaggedBeliefs;

    /// <summary>The therapist's replies among the opening exchanges.</summary>
    public IEnumerable<string> OpeningTherapistReplies => Opening.Select(e => e.Therapist);

    /// <summary>The patient's lines among the opening exchanges.</summary>
    public IEnumerable<string> OpeningPatientLines => Opening.Select(e => e.Patient);
}
