using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Simulator.Core.Personas;

namespace Simulator.Monitoring.Raters.Offline;

/// <summary>
/// <c>observed.phq9</c>, <c>observed.cssrs</c> and <c>observed.conviction</c>: the monitor's estimate of
/// the patient's state from what the patient has said in the session (<see cref="SymptomMemory"/>,
/// kept over the view's <see cref="TurnView.History"/>; over its recent exchanges when it has none),
/// on the instruments' own scales: PHQ-9 items scored 0..3 by frequency, C-SSRS ideation levels, PDI
/// conviction 1..5. Unscored, with the reason, until the patient has said something it rests on
/// (see docs/validation/patient-and-role.md for the method and its agreement with the latent state).
/// </summary>
internal static partial class ObservedStateScorer
{
    /// <summary>An item nobody has spoken of is imputed from those spoken of, shrunk towards this ("several days") by one pseudo-item.</summary>
    private const double ItemPrior = 1;

    private static readonly ConditionalWeakTable<Belief, Regex> CuePatterns = [];

    private static readonly string[] ItemNames = ["anhedonia", "low mood", "sleep", "energy", "appetite", "worthlessness", "concentration", "psychomotor"];

    public static void Score(TurnView turn, TurnScore.Builder score)
    {
        if (string.IsNullOrWhiteSpace(turn.Patient))
        {
            score.Unscored(Metrics.ObservedPhq9, "no patient text");
            score.Unscored(Metrics.ObservedCssrs, "no patient text");
            score.Unscored(Metrics.ObservedConviction, "no patient text");
            return;
        }

        var memory = Remembered(turn).With(turn.Turn, Cached(turn, turn.Patient), InPlay(turn, turn.Patient), CachedConviction(turn, turn.Patient));
        ScorePhq9(turn, memory, score);
        ScoreCssrs(turn, memory, score);
        ScoreConviction(turn, memory, score);
    }

    /// <summary>What the patient reported before this turn: folded over the session's history, or over the recent exchanges.</summary>
    internal static SymptomMemory Remembered(TurnView turn)
    {
        SymptomMemory Step(SymptomMemory m, int t, string text) => m.With(t, Cached(turn, text), InPlay(turn, text), CachedConviction(turn, text));
        if (turn.History is { } history)
        {
            return history.Before(turn.Turn, static () => SymptomMemory.Empty, Step);
        }

        var memory = SymptomMemory.Empty;
        for (var k = 0; k < turn.Recent.Count; k++)
        {
            memory = Step(memory, turn.Turn - turn.Recent.Count + k, turn.Recent[k].Patient);
        }

        return memory;
    }

    private static SymptomReading Cached(TurnView turn, string text) => SessionMemory.Of(turn, text).Get(Reading.ObservedState, static t => SymptomReading.Read(t));

    private static (double Value, string? Evidence) CachedConviction(TurnView turn, string text) => SessionMemory.Of(turn, text).Get(Reading.Conviction, static t => Conviction(t));

    private static void ScorePhq9(TurnView turn, SymptomMemory memory, TurnScore.Builder score)
    {
        double spoken = 0;
        var count = 0;
        var latest = SymptomMemory.Report.None;
        var latestItem = -1;
        for (var i = 0; i < memory.Items.Length; i++)
        {
            var item = memory.Items[i];
            if (item.Known)
            {
                spoken += item.Value;
                count++;
                if (item.Turn > latest.Turn || latestItem < 0)
                {
                    (latest, latestItem) = (item, i);
                }
            }
        }

        // Item 9 (thoughts of death or self-harm) is the ideation the patient has voiced.
        if (memory.Cssrs.Known)
        {
            spoken += Math.Min(3, memory.Cssrs.Value);
            count++;
        }

        if (count == 0)
        {
            score.Unscored(Metrics.ObservedPhq9, "the patient has said nothing yet about mood, sleep, energy or the other symptoms");
            return;
        }

        var imputed = (spoken + ItemPrior) / (count + 1);
        var total = spoken + ((9 - count) * imputed);
        var evidence = latestItem < 0 ? null : $"{Said(turn, latest)}{ItemNames[latestItem]} {latest.Value:0}/3: {latest.Evidence}";
        score.Score(Metrics.ObservedPhq9, Math.Round(Math.Clamp(total, 0, 27), 1), evidence);
    }

    private static void ScoreCssrs(TurnView turn, SymptomMemory memory, TurnScore.Builder score)
    {
        if (!memory.Cssrs.Known)
        {
            score.Unscored(Metrics.ObservedCssrs, "the patient has said nothing yet about thoughts of death or suicide");
            return;
        }

        score.Score(Metrics.ObservedCssrs, memory.Cssrs.Value, memory.Cssrs.Evidence is null ? null : Said(turn, memory.Cssrs) + memory.Cssrs.Evidence);
    }

    private static void ScoreConviction(TurnView turn, SymptomMemory memory, TurnScore.Builder score)
    {
        if (Principal(turn) is not { } belief)
        {
            score.Unscored(Metrics.ObservedConviction, turn.Case.Persona is null ? "no persona card" : "no flagged belief in play");
            return;
        }

        if (!memory.Beliefs.TryGetValue(belief.Id, out var report))
        {
            score.Unscored(Metrics.ObservedConviction, "no flagged belief in play");
            return;
        }

        score.Score(Metrics.ObservedConviction, Math.Round(report.Value, 2), $"{belief.Id}: {Said(turn, report)}{report.Evidence}");
    }

    private static string Said(TurnView turn, SymptomMemory.Report report) =>
        report.Turn == turn.Turn ? "" : $"turn {report.Turn.ToString(CultureInfo.InvariantCulture)}: ";

    /// <summary>
    /// The belief the conviction estimate follows: the card's flagged belief held most firmly at the
    /// start (its principal delusion or distortion; ties: the first by id), as a clinician's notes would name it.
    /// </summary>
    internal static Belief? Principal(TurnView turn) =>
        turn.FlaggedBeliefs.OrderByDescending(b => b.Conviction).ThenBy(b => b.Id, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>The flagged belief of the case with the most cue words in <paramref name="text"/>, or null (recent messages are asked again every turn).</summary>
    internal static Belief? InPlay(TurnView turn, string text) =>
        SessionMemory.Of(turn, text).Get(Reading.BeliefInPlay, turn.FlaggedBeliefs, static (beliefs, t) => FindInPlay(beliefs, t));

    private static Belief? FindInPlay(IReadOnlyList<Belief> beliefs, string text)
    {
        Belief? best = null;
        var most = 0;
        foreach (var b in beliefs)
        {
            if (b.Cues.Count == 0)
            {
                continue;
            }

            var hits = CuePatterns.GetValue(b, static b => CuePattern(b.Cues)).Count(text);
            if (hits > most)
            {
                most = hits;
                best = b;
            }
        }

        return best;
    }

    // Every run loads its persona afresh, so its beliefs are new objects: the compiled pattern is
    // kept by its text too, or each run would compile (and later finalise) its own.
    private static Regex CuePattern(IEnumerable<string> cues) => CompiledCuePatterns.GetOrAdd(
        @"\b(" + string.Join('|', cues.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => Regex.Escape(c.Trim()))) + @")(s|es|ed|ing|d)?\b",
        static pattern => new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.Compiled | RegexOptions.CultureInvariant));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> CompiledCuePatterns = new(StringComparer.Ordinal);

    /// <summary>
    /// PDI-style conviction 1..5 from certainty and doubt markers: a belief voiced plainly is 4 ("mostly
    /// believe it"), each certainty marker adds 0.5 (up to 5, "absolutely certain"), each doubt marker takes 1 off.
    /// </summary>
    internal static (double Value, string? Evidence) Conviction(string text)
    {
        var certain = KeywordScreen.Count(Certainty(), text) - KeywordScreen.Count(NotCertain(), text);
        var doubt = KeywordScreen.Count(Doubt(), text) - KeywordScreen.Count(NotDoubt(), text);
        certain = Math.Max(0, certain);
        doubt = Math.Max(0, doubt);
        var value = Math.Clamp(4 + (0.5 * Math.Min(2, certain)) - Math.Min(3, doubt), 1, 5);
        var evidence = certain >= doubt ? SpanFinder.Sentence(text, Certainty()) ?? SpanFinder.Sentence(text, Doubt()) : SpanFinder.Sentence(text, Doubt());
        return (value, evidence);
    }

    [GeneratedRegex(@"\bi (just )?know\b|\bi knew\b|\bi'?m (absolutely |completely |a hundred per ?cent )?(certain|sure|positive|convinced)\b|\bno doubt\b|\bdefinitely\b|\bobviously\b|\bclearly\b|\bit'?s (a fact|true|real|obvious)\b|\bnot a coincidence\b|\bcan'?t be a coincidence\b|\bi'?ve (seen|got) (it|proof|the proof|evidence)\b|\bproof\b|\bthere'?s no other (explanation|way)\b|\bfor (sure|certain|a fact)\b|\bi'?m not (imagining|making) (it|this)( up)?\b|\bi'?m not paranoid\b|\bthey want me to know\b|\bthat'?s just how it (works|is)\b|\bit always\b|\bevery (single )?(one|time)\b|\beven you can see\b|\bthat'?s what i keep saying\b|\bi thought as much\b", RegexOptions.IgnoreCase)]
    internal static partial Regex Certainty();

    [GeneratedRegex(@"\bi know how (it|that|this) sounds\b|\b(don'?t|do not) know\b|\bhow do i know\b|\bi'?m not (sure|certain|convinced)\b|\bnot so sure\b", RegexOptions.IgnoreCase)]
    internal static partial Regex NotCertain();

    [GeneratedRegex(@"\bmaybe\b|\bperhaps\b|\bi'?m not (sure|certain|convinced)\b|\bnot so sure\b|\bpart of me\b|\bi (might|could) be wrong\b|\bcould(n'?t)? (be|have)\b|\bi suppose\b|\b(don'?t|do not) know\b|\bmight\b|\bcoincidence\b|\bprobably (right|nothing|just)\b|\bi wonder\b|\bjust (nosy|someone|a visitor|my imagination|in my head)\b|\bhow it sounds\b|\bparanoid\b|\boverthinking\b|\bnothing (bad )?(happened|came of it)\b|\bto be fair\b|\bnot really\b|\bi hear it when\b|\bdoesn'?t make it true\b|\bcan'?t be sure\b|\bisn'?t the same as\b|\bsome days\b|\bnot every day\b|\bmostly\b|\bi don'?t think\b|\bnot always\b", RegexOptions.IgnoreCase)]
    internal static partial Regex Doubt();

    [GeneratedRegex(@"\bnot a coincidence\b|\bcan'?t be a coincidence\b|\bi'?m not paranoid\b|\bhow do i know\b", RegexOptions.IgnoreCase)]
    internal static partial Regex NotDoubt();
}
