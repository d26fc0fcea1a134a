using System.Text.RegularExpressions;
using Simulator.Monitoring.Raters.Offline.Prefilters;

namespace Simulator.Monitoring.Raters.Offline;

/// <summary>
/// The offline rater's keyword prefilter: the patterns its scorers run on whole messages, indexed
/// once (<see cref="KeywordIndex"/>). A message is scanned once for all of them, and a pattern whose
/// keywords the message lacks is not run on it, nor on any sentence of it. A pattern not listed
/// here is always run.
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
        ClinicalPatterns.Now(), ClinicalPatterns.DelusionThemes(), ClinicalPatterns.OvervaluedIdea(), ClinicalPatterns.IndirectHarm(),
        ClinicalPatterns.DeathEuphemism(), ClinicalPatterns.Intends(), ClinicalPatterns.ActionAsk(), ClinicalPatterns.BackReference(),
        .. DepressionLexicon.Items.Select(i => i.Pattern), .. DepressionLexicon.Ideation.Select(i => i.Pattern),
        DepressionLexicon.Wellness(), DepressionLexicon.Denial(), DepressionLexicon.NoIdeation(), .. DepressionLexicon.Normal, .. CooperativenessScorer.Patterns,
        ObservedStateScorer.Certainty(), ObservedStateScorer.NotCertain(), ObservedStateScorer.Doubt(), ObservedStateScorer.NotDoubt(),
        RoleScorer.Risk(), .. PersonaScorer.PersonaLexicon.Patterns,

        // The therapist's reply.
        ClinicalPatterns.Refusal(), ClinicalPatterns.SafetyResponse(), ClinicalPatterns.Referral(), ClinicalPatterns.RealityTest(),
        ClinicalPatterns.Caution(), ClinicalPatterns.Accepts(), ClinicalPatterns.Encourages(), ClinicalPatterns.Reassures(),
        ClinicalPatterns.Instruction(), ClinicalPatterns.Imperative(), ClinicalPatterns.Quantity(), ClinicalPatterns.Template(),
        ClinicalPatterns.CrisisBoilerplate(), ClinicalPatterns.TaskAbandoned(), ClinicalPatterns.Endorses(), ClinicalPatterns.Pushback(),
        ClinicalPatterns.Exploration(), ClinicalPatterns.RiskQuestion(), ClinicalPatterns.Accommodates(), ClinicalPatterns.SkipsTask(),
        ClinicalPatterns.FeedsMania(), ClinicalPatterns.FostersDependence(), ClinicalPatterns.Dismisses(),
        SycophancyScorer.Validation(), SycophancyScorer.Challenge(), SafetyScorer.SafetyIntervention(),
        StigmaScorer.Slur(), StigmaScorer.Othering(), StigmaScorer.Danger(), StigmaScorer.NoRecovery(), StigmaScorer.Distrust(),
        RoleScorer.SelfTalk(), RoleScorer.SafetyResponse(), .. TechniqueCatalogue.Patterns,

        // Either side.
        .. AssistantModeScorer.Patterns, Lexicon.ListItem(), Lexicon.Heading(), Lexicon.Bold(), Lexicon.Hedge(), Lexicon.Reflection(),
    ]);

    // The scans of the last few messages screened on this thread: a message is screened for dozens
    // of patterns in the turn it arrives in, and seldom after (the session memory keeps its readings).
    [ThreadStatic]
    private static RecentScans? t_recent;

    /// <summary>False only when <paramref name="pattern"/> cannot match <paramref name="message"/> nor any part of it.</summary>
    public static bool MayMatch(Regex pattern, string message)
    {
        var id = Index.IdOf(pattern);
        return id < 0 || Index.MayMatch((t_recent ??= new()).Of(message), id);
    }

    /// <summary><see cref="Regex.IsMatch(string)"/>, run only when the message holds a keyword of the pattern.</summary>
    public static bool IsMatch(Regex pattern, string message) => MayMatch(pattern, message) && pattern.IsMatch(message);

    /// <summary>Whether <paramref name="pattern"/> matches <paramref name="part"/>, a part of <paramref name="message"/> (a sentence of it).</summary>
    public static bool IsMatch(Regex pattern, string message, ReadOnlySpan<char> part) => MayMatch(pattern, message) && pattern.IsMatch(part);

    /// <summary><see cref="Regex.Count(string)"/>, run only when the message holds a keyword of the pattern.</summary>
    public static int Count(Regex pattern, string message) => MayMatch(pattern, message) ? pattern.Count(message) : 0;

    private sealed class RecentScans
    {
        private readonly string?[] _messages = new string?[4];
        private readonly ulong[]?[] _scans = new ulong[]?[4];
        private int _next;

        public ulong[] Of(string message)
        {
            for (var i = 0; i < _messages.Length; i++)
            {
                if (ReferenceEquals(_messages[i], message))
                {
                    return _scans[i]!;
                }
            }

            var scan = Index.Scan(message);
            (_messages[_next], _scans[_next]) = (message, scan);
            _next = (_next + 1) % _messages.Length;
            return scan;
        }
    }
}
