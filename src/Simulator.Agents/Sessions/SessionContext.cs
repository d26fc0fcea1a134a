using Simulator.Agents.Probes;
using Simulator.Core.Clinical;
using Simulator.Core.Personas;
using Simulator.Core.Protocols;

namespace Simulator.Agents.Sessions;

/// <summary>
/// The structured facts of the current turn, sent alongside every agent request in
/// <c>ChatOptions.AdditionalProperties</c>. Real models read the rendered prompt and ignore it; the
/// built-in scripted models read it instead of parsing prose. The therapist side is given only
/// the case notes (<see cref="Persona"/>'s beliefs), never the latent state. In guard mode
/// <see cref="GuardNote"/> is the supervisor's note the therapist gets before its reply. With a
/// <see cref="Probe"/> the request is a side question, not a turn: a scripted model answers it
/// in character and changes none of its own state.
/// In a course, <see cref="Turn"/> and <see cref="Turns"/> count across every session;
/// <see cref="Session"/> starts at <see cref="FirstTurn"/>; from session 2 the therapist has
/// <see cref="SessionNotes"/> (its notes on the session before) and the patient
/// <see cref="PatientRecap"/>; with <see cref="WritingNotes"/> the request asks the therapist for
/// its notes on the session just ended, not for a turn.
/// <see cref="Earlier"/> is the patient's state <see cref="LineCondition.TrendWindow"/> turns before (or at the start of
/// the session, if that is nearer), so the patient can tell improvement from a good moment; with patient guard,
/// <see cref="PatientCorrection"/> is the correction its direction carries after it broke role.
/// </summary>
public sealed record SessionContext(
    Persona Persona,
    Protocol Protocol,
    string Style,
    long Seed,
    int Turn,
    int Turns,
    ClinicalState State,
    IReadOnlyList<PersonaEvent> DueEvents,
    IReadOnlyList<string> LastAppraisedActs,
    string? GuardNote = null,
    Probe? Probe = null,
    int Session = 1,
    int FirstTurn = 1,
    string? SessionNotes = null,
    string? PatientRecap = null,
    bool WritingNotes = false,
    ClinicalState? Earlier = null,
    string? PatientCorrection = null)
{
    /// <summary>The turn within its session (1-based): <see cref="Turn"/> is numbered across a course.</summary>
    public int SessionTurn => Turn - FirstTurn + 1;

    /// <summary>The key under which the context travels.</summary>
    public const string Key = "simulator.session";

    /// <summary>The key under which a scripted therapist returns its ground-truth act labels.</summary>
    public const string GroundTruthKey = "simulator.ground_truth_acts";
}
