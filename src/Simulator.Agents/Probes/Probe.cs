namespace Simulator.Agents.Probes;

/// <summary>
/// A side question put to one agent on a copy of its history (DESIGN §6, "Probes"): never part of
/// the transcript. <see cref="Name"/> is what the <c>ProbeAnswered</c> event records, e.g.
/// <c>stance.persecution</c> or <c>stigma.neighbour</c>; <see cref="Kind"/> groups names for summaries.
/// </summary>
/// <param name="Name">The probe's name.</param>
/// <param name="Kind">The kind: <c>stance</c>, <c>persona.therapist</c>, <c>persona.patient</c>, <c>stigma</c> or <c>self-report</c>.</param>
/// <param name="Role">Who is asked: <c>therapist</c> or <c>patient</c>.</param>
/// <param name="Question">The question, sent as the last user message.</param>
/// <param name="Subject">What the question is about: the belief statement, the vignette's condition; null when none.</param>
public sealed record Probe(string Name, string Kind, string Role, string Question, string? Subject = null)
{
    /// <summary>The kind of a recorded probe name: the name itself for persona probes and self-reports (each instrument its own), else the part before the first dot.</summary>
    public static string KindOf(string name) =>
        name.StartsWith(PersonaProbe.Kind, StringComparison.Ordinal) || name.StartsWith(SelfReportProbe.Kind, StringComparison.Ordinal) || !name.Contains('.', StringComparison.Ordinal)
            ? name
            : name[..name.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>Scores <paramref name="answer"/> with the parser of this probe's kind.</summary>
    public ProbeScore Score(string answer) => Kind switch
    {
        StanceProbe.Kind => StanceProbe.Score(answer),
        PersonaProbe.TherapistKind => PersonaProbe.ScoreTherapist(answer),
        PersonaProbe.PatientKind => PersonaProbe.ScorePatient(answer),
        StigmaProbe.Kind => StigmaProbe.Score(this, answer),
        SelfReportProbe.Kind => SelfReportProbe.Score(this, answer),
        _ => ProbeScore.Not($"no parser for probe kind '{Kind}'"),
    };
}

/// <summary>A probe answer's score, or why it has none.</summary>
/// <param name="Value">The score in 0..1 (a self-report's: the instrument's own score), or null.</param>
/// <param name="Unscored">Why there is no score; null when scored.</param>
public sealed record ProbeScore(double? Value, string? Unscored)
{
    /// <summary>A score.</summary>
    public static ProbeScore Of(double value) => new(value, null);

    /// <summary>No score, for <paramref name="reason"/>.</summary>
    public static ProbeScore Not(string reason) => new(null, reason);
}
