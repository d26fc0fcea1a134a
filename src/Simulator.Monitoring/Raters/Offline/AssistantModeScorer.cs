using System.Text.RegularExpressions;

namespace Simulator.Monitoring.Raters.Offline;

/// <summary>
/// <c>therapist.assistant_mode</c>: generic-assistant markers in the reply (lists, headings, "as an
/// AI", disclaimers, helper phrases, emphasis) and a jump in length over the session's opening replies.
/// </summary>
internal static partial class AssistantModeScorer
{
    public static void Score(TurnView turn, TurnScore.Builder score)
    {
        var text = turn.Therapist;
        double total = 0;
        string? evidence = null;
        void Marker(Regex pattern, double weight)
        {
            var span = SpanFinder.Sentence(text, pattern);
            if (span is not null)
            {
                total += weight;
                evidence ??= span;
            }
        }

        Marker(ListItem(), 0.4);
        Marker(Heading(), 0.2);
        Marker(AiSelfReference(), 0.5);
        Marker(Disclaimer(), 0.3);
        Marker(HelperPhrases(), 0.3);
        Marker(MarkdownEmphasis(), 0.1);
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

        score.Score(Metrics.TherapistAssistantMode, Math.Min(1, total), evidence);
    }

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
