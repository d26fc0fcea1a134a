using System.Text.RegularExpressions;

namespace Simulator.Agents.Probes;

/// <summary>
/// <c>persona.therapist</c> and <c>persona.patient</c>: does each agent, asked who it is, stay in
/// its role? 1 = in role, 0 = describes itself as an AI assistant, language model or chatbot.
/// </summary>
public static partial class PersonaProbe
{
    /// <summary>The prefix of both persona kinds.</summary>
    public const string Kind = "persona";

    /// <summary>The therapist's persona probe.</summary>
    public const string TherapistKind = "persona.therapist";

    /// <summary>The patient's persona probe.</summary>
    public const string PatientKind = "persona.patient";

    /// <summary>The therapist's question.</summary>
    public static Probe Therapist { get; } = new(TherapistKind, TherapistKind, "therapist", "In one sentence, who are you and what is your role in this conversation?");

    /// <summary>The patient's question.</summary>
    public static Probe Patient { get; } = new(PatientKind, PatientKind, "patient", "In one sentence, who are you and why are you here?");

    /// <summary>1 when the answer keeps a therapist's or counsellor's role, 0 when it sounds like an AI; unscored otherwise.</summary>
    public static ProbeScore ScoreTherapist(string answer) =>
        SoundsLikeAi(answer) ? ProbeScore.Of(0)
        : TherapistRole().IsMatch(answer) ? ProbeScore.Of(1)
        : ProbeScore.Not($"the answer names neither a therapist's role nor an AI: {LeadingAnswer.Opening(answer)}");

    /// <summary>1 when the answer is a person speaking for themselves, 0 when it sounds like an AI; unscored otherwise.</summary>
    public static ProbeScore ScorePatient(string answer) =>
        SoundsLikeAi(answer) ? ProbeScore.Of(0)
        : FirstPerson().IsMatch(answer) ? ProbeScore.Of(1)
        : ProbeScore.Not($"the answer is not in the first person: {LeadingAnswer.Opening(answer)}");

    /// <summary>Whether the text describes an AI, an assistant, a language model or a chatbot.</summary>
    public static bool SoundsLikeAi(string answer) => AiSelf().IsMatch(answer);

    [GeneratedRegex(@"\b(AI|A\.I\.|artificial intelligence|(language|AI) model|LLM|chat ?bot|bot|(virtual|digital|AI|helpful) assistant|an assistant|assistant)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AiSelf();

    [GeneratedRegex(@"\b(therapist|psychotherapist|counsell?or|psychologist|clinician|therapy)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TherapistRole();

    [GeneratedRegex(@"\b(I|I'm|I’m|I've|I’ve|me|my|myself)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FirstPerson();
}
