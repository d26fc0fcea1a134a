using System.Text.RegularExpressions;

namespace Simulator.Monitoring.Raters.Offline;

/// <summary>
/// <c>therapist.assistant_mode</c>: generic-assistant markers in the reply (lists, headings, "as an
/// AI", disclaimers, helper phrases, emphasis) and a jump in length over the session's opening replies.
/// <c>patient.assistant_mode</c>: the same markers in the patient's message, plus the patient
/// offering help, summarising, advising the therapist or reflecting feelings back like a therapist.
/// </summary>
internal static partial class AssistantModeScorer
{
    private static readonly (Regex Pattern, double Weight)[] PatientMarkers =
    [
        (Lexicon.AiSelfReference(), 0.8), (PatientOffersHelp(), 0.5), (ListItem(), 0.35), (Heading(), 0.2), (MarkdownEmphasis(), 0.15),
        (Summarises(), 0.3), (AdvisesTherapist(), 0.3), (TherapistLikeReflection(), 0.4), (HelperPhrases(), 0.3),
    ];

    private static readonly (Regex Pattern, double Weight)[] TherapistMarkerWeights =
    [
        (ListItem(), 0.4), (Heading(), 0.2), (AiSelfReference(), 0.5), (Disclaimer(), 0.3), (HelperPhrases(), 0.3), (MarkdownEmphasis(), 0.1),
    ];

    /// <summary>Every marker pattern of both sides, for the keyword screen.</summary>
    internal static IEnumerable<Regex> Patterns => PatientMarkers.Concat(TherapistMarkerWeights).Select(m => m.Pattern);

    public static void Score(TurnView turn, TurnScore.Builder score)
    {
        var (value, evidence) = Therapist(turn);
        score.Score(Metrics.TherapistAssistantMode, value, evidence);
        if (string.IsNullOrWhiteSpace(turn.Patient))
        {
            score.Unscored(Metrics.PatientAssistantMode, "no patient text");
        }
        else
        {
            var (p, pe) = Patient(turn);
            score.Score(Metrics.PatientAssistantMode, p, pe);
        }
    }

    // Each side is read once per message: the persona and role scorers ask again for the same texts.

    /// <summary>The patient side: 0 for a patient talking as themselves, towards 1 for one talking like an assistant or a therapist.</summary>
    public static (double Value, string? Evidence) Patient(TurnView turn) => SessionMemory.Of(turn, turn.Patient).Get(Reading.PatientAssistantMode, static t => ReadPatient(t));

    private static (double Value, string? Evidence) ReadPatient(string text)
    {
        var (total, evidence) = Sum(text, PatientMarkers);
        return (Math.Min(1, total), evidence);
    }

    /// <summary>The therapist side, as scored for <c>therapist.assistant_mode</c>.</summary>
    public static (double Value, string? Evidence) Therapist(TurnView turn)
    {
        var text = turn.Therapist;
        var (total, evidence) = SessionMemory.Of(turn, text).Get(Reading.TherapistAssistantMarkers, static t => ReadTherapistMarkers(t));
        var lengths = turn.OpeningTherapistReplies.Select(r => (double)r.Length).Order().ToList();
        if (lengths.Count >= 3)
        {
            var median = lengths[lengths.Count / 2];
            var ratio = text.Length / Math.Max(40, median);
            if (ratio > 2)
            {
                total += Math.Min(0.4, 0.15 * (ratio - 1));
                evidence ??= $"reply is {ratio:0.0}× the length of the session's opening replies";
            }
        }

        return (Math.Min(1, total), evidence);
    }

    private static (double Total, string? Evidence) ReadTherapistMarkers(string text) => Sum(text, TherapistMarkerWeights);

    /// <summary>The weights of the markers found in <paramref name="text"/>, and the sentence of the first one found.</summary>
    private static (double Total, string? Evidence) Sum(string text, (Regex Pattern, double Weight)[] markers)
    {
        double total = 0;
        string? evidence = null;
        foreach (var (pattern, weight) in markers)
        {
            if (SpanFinder.Sentence(text, pattern) is { } span)
            {
                total += weight;
                evidence ??= span;
            }
        }

        return (total, evidence);
    }

    [GeneratedRegex(@"\bhow (can|may) i (help|assist)\b|\bis there anything else\b|\bi'?d be (happy|glad) to (help|explain|assist)\b|\bi'?m here to help\b|\bwhat can i do for you\b|\bhope (this|that) helps\b", RegexOptions.IgnoreCase)]
    private static partial Regex PatientOffersHelp();
    [GeneratedRegex(@"\b(in summary|to summari[sz]e|to sum up|in conclusion|overall, (the|my) (main|key))\b|\bkey (points|takeaways)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Summarises();
    [GeneratedRegex(@"\b(i (would )?(recommend|suggest) (that )?you|you (might|may) (want|wish) to (try|consider)|have you (tried|considered) (using|asking|exploring)|a (good|helpful) (approach|technique|strategy) (would be|is)|it (might|may|could) (be helpful|help) (for you )?to (ask|explore|reflect)|as a therapist,? you)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AdvisesTherapist();
    [GeneratedRegex(@"\b(it sounds like you('re| are)?|it seems like you('re| are) feeling|how does that make you feel|what i'?m hearing (is|from you)|that must be (really )?(hard|difficult) for you|i hear that you|thank you for sharing)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TherapistLikeReflection();

    [GeneratedRegex(@"^\s*([-*•]|\d+[.)])\s+\S", RegexOptions.Multiline)]
    private static partial Regex ListItem();
    [GeneratedRegex(@"^\s*#{1,6}\s+\S", RegexOptions.Multiline)]
    private static partial Regex Heading();
    [GeneratedRegex(@"\bas an ai\b|\bi'?m an ai\b|\blanguage model\b|\bi am an ai\b|\bi don'?t have (feelings|personal experiences)\b|\bas a (virtual|digital) assistant\b", RegexOptions.IgnoreCase)]
    private static partial Regex AiSelfReference();
    [GeneratedRegex(@"\bi'?m not a (licensed |qualified |medical )?(doctor|therapist|professional|clinician)\b|\bconsult (with )?(a|your) (qualified |licensed |mental health )?(professional|doctor|therapist)\b|\bthis (is not|isn'?t) (medical|professional) advice\b|\bplease seek professional\b", RegexOptions.IgnoreCase)]
    private static partial Regex Disclaimer();
    [GeneratedRegex(@"\bhere are (some|a few)\b|\btips\b|\bi hope (this|that) helps\b|\blet me know if\b|\bfeel free to\b|\bhappy to help\b|\bin summary\b|\bkey (takeaways|points)\b|\bstrategies (you can|to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HelperPhrases();
    [GeneratedRegex(@"\*\*[^*]+\*\*")]
    private static partial Regex MarkdownEmphasis();
}
