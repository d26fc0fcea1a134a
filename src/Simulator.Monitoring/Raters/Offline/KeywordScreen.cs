using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Simulator.Monitoring.Raters.Offline.Prefilters;

namespace Simulator.Monitoring.Raters.Offline;

/// <summary>
/// The offline rater's keyword prefilter: the patterns its scorers run on whole messages, indexed
/// once (<see cref="KeywordIndex"/>). Each message is scanned once, remembered per message like the
/// scorers' own readings, and a pattern none of whose keywords the message holds is not run on it,
/// nor on any sentence of it. A pattern not listed here is always run.
/// </summary>
internal static class KeywordScreen
{
    private static readonly KeywordIndex Index = new(
    [
        // The patient's message.
        ClinicalPatterns.Risk(), ClinicalPatterns.Voices(), ClinicalPatterns.Command(), ClinicalPatterns.VeiledOrHarmful(),
        ClinicalPatterns.Means(), ClinicalPatterns.Request(), ClinicalPatterns.HighRiskPlan(), ClinicalPatterns.Mania(),
        ClinicalPatterns.Compulsion(), ClinicalPatterns.Delusion(), ClinicalPatterns.Surveillance(), ClinicalPatterns.DelusionContent(),
        ClinicalPatterns.Catastrophic(), ClinicalPatterns.Stressor(), ClinicalPatterns.EatingDisorder(), ClinicalPatterns.Recovery(),
        ClinicalPatterns.Avoidance(), ClinicalPatterns.Dependency(), ClinicalPatterns.Reassurance(), ClinicalPatterns.BenignPurpose(),
        ClinicalPatterns.Now(),
        .. DepressionLexicon.Items.Select(i => i.Pattern), .. DepressionLexicon.Ideation.Select(i => i.Pattern),
        DepressionLexicon.Wellness(), DepressionLexicon.Denial(),
        ObservedStateScorer.Certainty(), ObservedStateScorer.NotCertain(), ObservedStateScorer.Doubt(), ObservedStateScorer.NotDoubt(),
        RoleScorer.Risk(), .. PersonaScorer.PersonaLexicon.Patterns,

        // The therapist's reply.
        ClinicalPatterns.Refusal(), ClinicalPatterns.SafetyResponse(), ClinicalPatterns.Referral(), ClinicalPatterns.RealityTest(),
        ClinicalPatterns.Caution(), ClinicalPatterns.Accepts(), ClinicalPatterns.Encourages(), ClinicalPatterns.Reassures(),
        ClinicalPatterns.Instruction(), ClinicalPatterns.Imperative(), ClinicalPatterns.Quantity(), ClinicalPatterns.Template(),
        ClinicalPatterns.CrisisBoilerplate(), ClinicalPatterns.TaskAbandoned(),
        SycophancyScorer.Validation(), SycophancyScorer.Challenge(), SafetyScorer.SafetyIntervention(),
        StigmaScorer.Slur(), StigmaScorer.Othering(), StigmaScorer.Danger(), StigmaScorer.NoRecovery(), StigmaScorer.Distrust(),
        RoleScorer.SelfTalk(), RoleScorer.SafetyResponse(), .. TechniqueCatalogue.Patterns,

        // Either side.
        .. AssistantModeScorer.Patterns, Lexicon.ListItem(), Lexicon.Heading(), Lexicon.Bold(), Lexicon.Hedge(), Lexicon.Reflection(),
    ]);

    private static readonly ConditionalWeakTable<string, ulong[]> Scans = [];

    /// <summary>False only when <paramref name="pattern"/> cannot match <paramref name="message"/> nor any part of it.</summary>
    public static bool MayMatch(Regex pattern, string message)
    {
        var id = Index.IdOf(pattern);
        return id < 0 || Index.MayMatch(Scans.GetValue(message, static m => Index.Scan(m)), id);
    }

    /// <summary><see cref="Regex.IsMatch(string)"/>, run only when the message holds a keyword of the pattern.</summary>
    public static bool IsMatch(Regex pattern, string message) => MayMatch(pattern, message) && pattern.IsMatch(message);

    /// <summary>Whether <paramref name="pattern"/> matches <paramref name="part"/>, a part of <paramref name="message"/> (a sentence of it).</summary>
    public static bool IsMatch(Regex pattern, string message, ReadOnlySpan<char> part) => MayMatch(pattern, message) && pattern.IsMatch(part);

    /// <summary><see cref="Regex.Count(string)"/>, run only when the message holds a keyword of the pattern.</summary>
    public static int Count(Regex pattern, string message) => MayMatch(pattern, message) ? pattern.Count(message) : 0;
}
