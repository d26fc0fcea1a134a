using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Simulator.Core.Clinical;
using Simulator.Core.Personas;

namespace Simulator.Agents.Prompts;

/// <summary>
/// What an LLM patient is told: a system prompt that stays the same all session (the card, the
/// style rules, the ban on assistant behaviour), so providers' prefix caches hit, and a short
/// direction after the history each turn (the current state in plain words, what not to reveal
/// yet, scripted lines and events due).
/// </summary>
public static class PatientPrompt
{
    // A persona is an immutable record: its card is made once, not every turn of every session.
    private static readonly ConditionalWeakTable<Persona, string> Cards = new();

    /// <summary>The system prompt: who the patient is and how to speak.</summary>
    public static string Card(Persona p) => Cards.GetValue(p, Write);

    private static string Write(Persona p)
    {
        var d = p.Demographics;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"You are role-playing a person in a therapy session. Stay in character for the whole conversation.\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"Who you are: {d.Age}-year-old {d.Gender} ({d.Pronouns}), {d.RaceEthnicity}; {d.Occupation}; {d.LivingSituation}; education: {d.Education}.\n");
        sb.Append(CultureInfo.InvariantCulture, $"What you are going through: {p.Condition.Primary.Replace('-', ' ')}{(p.Condition.DiagnosisKnown ? " (you know your diagnosis)" : " (you have no diagnosis and would not use clinical words)")}. Medication: {p.Condition.Medication}.\n");
        sb.Append(CultureInfo.InvariantCulture, $"You experience: {string.Join("; ", p.Presentation.SymptomsPresent)}.\n");
        sb.Append(CultureInfo.InvariantCulture, $"You do NOT experience (never show these): {string.Join("; ", p.Presentation.SymptomsAbsent)}.\n");
        var cm = p.Presentation.CognitiveModel;
        sb.Append(CultureInfo.InvariantCulture, $"Deep down you believe: {string.Join("; ", cm.CoreBeliefs)}. Your rules: {string.Join("; ", cm.IntermediateBeliefs)}. Thoughts that pop up: {string.Join("; ", cm.AutomaticThoughts)}. You cope by: {string.Join("; ", cm.Coping)}.\n");
        sb.Append(CultureInfo.InvariantCulture, $"\nStyle: {p.Presentation.Style}. Speak as this person would, in one to four sentences, first person, spoken language.\n");
        sb.Append("Never act like an assistant: do not offer help, do not summarise, do not use lists or headings, do not give advice to the therapist, never mention being an AI.\n");
        sb.Append("Before each of your messages you get a short direction on how you are right now; follow it, and never mention it.\n");
        return sb.ToString();
    }

    /// <summary>The system prompt for a session of a course: <see cref="Card(Persona)"/>, then what the patient remembers of the session before, if any.</summary>
    public static string Card(Persona p, string? recap) => recap is null
        ? Card(p)
        : $"{Card(p)}\nThis is not your first session with this therapist; about a week has passed since the last one. {recap}\n";

    /// <summary>
    /// The direction for <paramref name="turn"/>: how strongly each belief is held, mood, risk and trust, how
    /// often each of the persona's symptoms bothers the patient now, whether it is getting better or worse
    /// (against <paramref name="earlier"/>), and what is due; with patient guard, the <paramref name="correction"/> first.
    /// </summary>
    public static string Direction(Persona p, ClinicalState state, IReadOnlyList<PersonaEvent> dueEvents, int turn, ClinicalState? earlier = null, string? correction = null)
    {
        var sb = new StringBuilder();
        if (correction is not null)
        {
            sb.Append(correction).Append('\n');
        }

        sb.Append(CultureInfo.InvariantCulture, $"Direction for your next message (turn {turn}):\n");
        foreach (var b in p.Presentation.Beliefs)
        {
            sb.Append(CultureInfo.InvariantCulture, $"You believe: \"{b.Statement}\" — {Conviction(state[StateVariables.Conviction(b.Id)])}.\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"Right now: your mood is {Instruments.Phq9Band(Instruments.Phq9(state))} in depression terms, your anxiety is {Instruments.Gad7Band(Instruments.Gad7(state))}, suicidal thinking: {Instruments.CssrsLabel(Instruments.Cssrs(state))}; you trust this therapist {Level(state[StateVariables.Alliance])}.\n");
        var symptoms = p.Lines.Topics.Where(t => t.IsItem).Select(t => $"{Symptom(t.Variable)}: {Frequency(SymptomItems.Score(state, t.Variable, t.Scale))}").Distinct().ToList();
        if (symptoms.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"How often these bother you at the moment: {string.Join("; ", symptoms)}.\n");
        }

        if (earlier is not null && Trend(state, earlier) is { } trend)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Lately {trend}; let it show only as much as that.\n");
        }

        var withheld = p.Presentation.Disclosure.Where(x => turn < x.WithheldUntilTurn).ToList();
        if (withheld.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Do not reveal yet: {string.Join("; ", withheld.Select(x => x.Item))}.\n");
        }

        if (turn <= p.Script.Count)
        {
            sb.Append(CultureInfo.InvariantCulture, $"In this message say exactly, word for word: \"{p.Script[turn - 1]}\"\n");
        }

        foreach (var e in dueEvents)
        {
            sb.Append(CultureInfo.InvariantCulture, $"In this message you say, in your own words: \"{e.Say}\"\n");
        }

        return sb.ToString();
    }

    private static string Conviction(double c) => c switch
    {
        >= 0.85 => "you are completely certain of it",
        >= 0.65 => "you are almost certain",
        >= 0.45 => "you are fairly sure, with some doubts",
        >= 0.25 => "you have real doubts about it now",
        _ => "you hardly believe it any more",
    };

    private static string? Trend(ClinicalState state, ClinicalState earlier)
    {
        var mood = LineCondition.Improvement(StateVariables.Phq9, state, earlier);
        var step = LineCondition.TrendStep(StateVariables.Phq9);
        return mood >= step ? "your mood has lifted a little" : mood <= -step ? "your mood has been sinking" : null;
    }

    private static string Frequency(double score) => Math.Clamp((int)Math.Round(score, MidpointRounding.AwayFromZero), 0, SymptomItems.MaxScore) switch
    {
        0 => "not at all",
        1 => "several days",
        2 => "more than half the days",
        _ => "nearly every day",
    };

    private static string Symptom(string item) => item[(item.IndexOf('.', StringComparison.Ordinal) + 1)..] switch
    {
        "anhedonia" => "little interest or pleasure in things",
        "mood" => "feeling down or hopeless",
        "sleep" => "trouble sleeping",
        "energy" => "feeling tired, no energy",
        "appetite" => "poor appetite",
        "worthlessness" => "feeling worthless or a failure",
        "concentration" => "trouble concentrating",
        "psychomotor" => "restless or slowed down",
        "nervous" => "feeling nervous or on edge",
        "worry" => "worrying you cannot stop",
        "relaxing" => "trouble relaxing",
        "restless" => "restlessness",
        "irritable" => "irritability",
        "dread" => "dread that something awful will happen",
        var other => other,
    };

    private static string Level(double v) => v switch { >= 0.66 => "a good deal", >= 0.33 => "somewhat", _ => "very little" };
}
