using System.Text.RegularExpressions;

namespace Simulator.Monitoring.Raters.Offline;

/// <summary>
/// <c>patient.cooperativeness</c>: how far the patient's message goes along with the therapist, from
/// 0 (refuses, withholds) through 0.5 (neither) to 1 (wholly compliant): agreeing, trying things and
/// disclosing feelings raise it; resisting ("easy for you to say"), dismissing the work and guarding
/// what is said ("who reads these notes?") lower it. The persona's style sets what is in character
/// (<see cref="Expected"/>): simulated patients are known to be too cooperative, so a reserved patient
/// who agrees with everything is a patient out of role.
/// </summary>
internal static partial class CooperativenessScorer
{
    private static readonly (Regex Pattern, double Weight, string Kind)[] Markers =
    [
        (Agrees(), 0.15, "goes along"), (Tries(), 0.2, "takes it up"), (Thanks(), 0.1, "goes along"), (Discloses(), 0.08, "discloses"),
        (Resists(), -0.22, "resists"), (Dismisses(), -0.2, "resists"), (Guards(), -0.2, "guarded"),
    ];

    /// <summary>Every marker pattern, for the keyword screen.</summary>
    internal static IEnumerable<Regex> Patterns => Markers.Select(m => m.Pattern);

    /// <summary>The cooperativeness a persona's style makes in character (the range of a patient of that style, 0..1).</summary>
    public static (double Low, double High) Expected(string style) => style switch
    {
        "reserved" => (0.3, 0.6),
        "upset" => (0.25, 0.6),
        "pleasing" => (0.6, 0.95),
        "verbose" => (0.4, 0.8),
        "tangent" => (0.35, 0.75),
        _ => (0.4, 0.75),
    };

    public static void Score(TurnView turn, TurnScore.Builder score)
    {
        if (string.IsNullOrWhiteSpace(turn.Patient))
        {
            score.Unscored(Metrics.PatientCooperativeness, "no patient text");
            return;
        }

        var (value, evidence) = SessionMemory.Of(turn, turn.Patient).Get(Reading.Cooperativeness, static t => Read(t));
        // The persona's style, and the range it makes in character, close the evidence (the run's summary reads them there).
        if (turn.Case.Persona?.Presentation.Style is { Length: > 0 } style)
        {
            var (low, high) = Expected(style);
            evidence = $"{evidence ?? "neither goes along nor resists"} {Fidelity.PatientSummary.StyleNoteOf(style, low, high)}";
        }

        score.Score(Metrics.PatientCooperativeness, value, evidence);
    }

    private static (double Value, string? Evidence) Read(string text)
    {
        double total = 0;
        var strongest = 0.0;
        string? evidence = null;
        foreach (var (pattern, weight, kind) in Markers)
        {
            var hits = Math.Min(2, KeywordScreen.Count(pattern, text));
            if (hits == 0)
            {
                continue;
            }

            total += hits * weight;
            if (Math.Abs(weight) > strongest && SpanFinder.Sentence(text, pattern) is { } span)
            {
                strongest = Math.Abs(weight);
                evidence = $"{kind}: {span}";
            }
        }

        return (Math.Round(Math.Clamp(0.5 + total, 0, 1), 3), evidence);
    }

    [GeneratedRegex(@"\b(okay|ok|alright|all right|fair enough|yeah,? (you'?re right|that makes sense|fine)|that makes sense|you'?re right|good idea|i (can|could) see that|i agree|true,? (i suppose)?|makes sense)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Agrees();

    [GeneratedRegex(@"\bi'?ll (try|give it a go|give it a try|do (it|that|the)|have a go|write|bring|keep)\b|\bi (can|could) (try|do) (that|it|this)\b|\bi tried (it|what you said|the)\b|\bi did (the|my|what)\b|\bi'?ve been (doing|trying|practising|writing)\b|\blet'?s (try|do|start|go)\b|\bi wrote (it|them|down)\b|\bi want to (try|get better|work on)\b|\bwhat (should|do) i do\b", RegexOptions.IgnoreCase)]
    private static partial Regex Tries();

    [GeneratedRegex(@"\b(thank you|thanks)\b|\bthat (helps|helped)\b|\bit helped\b", RegexOptions.IgnoreCase)]
    private static partial Regex Thanks();

    [GeneratedRegex(@"\bi (feel|felt|get|got) (so |really |very )?(scared|frightened|lonely|ashamed|guilty|tired|low|angry|sad|lost|empty|worried|anxious|hopeless)\b|\bto be honest\b|\bif i'?m honest\b|\bi haven'?t told (anyone|anybody)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Discloses();

    [GeneratedRegex(@"\b(easy|easier) (for you )?to say\b|\byou don'?t (know|understand|get it)\b|\byou'?ve never\b|\bthat won'?t (work|help|change anything)\b|\bi'?ve (tried|heard) (that|all that|everything|it all)\b|\bwhy (would|should) i\b|\bno,? (i|that)'?s not (it|right)\b|\bthat'?s not (it|the point|what i said)\b|\bdon'?t (tell|lecture) me\b|\bnot (doing|going to do) (that|this|homework)\b|\bi (won'?t|can'?t be bothered to) (do|try) (that|it)\b|\beveryone'?s got advice\b", RegexOptions.IgnoreCase)]
    private static partial Regex Resists();

    [GeneratedRegex(@"\b(i'?m not sure|i don'?t see|what'?s the point of) (this|these|talking|coming here|therapy) (is|are)? ?(doing|helping|going)?\b|\bthis (isn'?t|is not) (helping|working|doing anything)\b|\byou'?re (just )?paid to\b|\bwaste of (time|my time)\b|\bwhat are we (even )?doing\b", RegexOptions.IgnoreCase)]
    private static partial Regex Dismisses();

    [GeneratedRegex(@"\b(i'?d )?rather not (say|talk about|go into|get into)\b|\bkeep (that|it|most things) to myself\b|\bnot telling you (everything|that)\b|\bnone of your business\b|\bmy business\b|\bwho (else )?(reads|sees|hears|gets to see)\b|\bwhat (are|is) (you|that) writing\b|\b(is that|that'?s) going in my (notes|file)\b|\bdon'?t write (that|anything)\b|\bi don'?t know you\b|\bi'?ll answer what i want\b|\bleave it there\b|\bdon'?t want to (talk|go) (about|into) (it|that)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Guards();
}
