using Simulator.Core.Personas;

namespace Simulator.Monitoring.Raters;

/// <summary>
/// What the monitor sees of a turn: the two messages, the session's first therapist replies (up to
/// ten, the baseline of style measures), and the case
/// notes (the flagged beliefs). Never the latent state or a scripted therapist's ground truth.
/// </summary>
public sealed record TurnView(
    int Turn,
    string Patient,
    string Therapist,
    IReadOnlyList<string> OpeningTherapistReplies,
    IReadOnlyList<Belief> FlaggedBeliefs);
