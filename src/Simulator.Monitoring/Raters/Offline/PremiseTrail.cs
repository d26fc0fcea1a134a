namespace Simulator.Monitoring.Raters.Offline;

/// <summary>A premise of a patient message: its kind, the sentence that states it, and the message's content words.</summary>
internal sealed record MessagePremise(PremiseKind Kind, string? Statement, IReadOnlySet<string> Words);

/// <summary>The premise a reply answers: stated in this patient message, or in a recent one this message still refers to.</summary>
/// <param name="Kind">The premise's kind (<see cref="PremiseKind.None"/> when there is none).</param>
/// <param name="Statement">The sentence that states it.</param>
/// <param name="TurnsAgo">0 when the current message states it; k when the k-th message before it did.</param>
internal readonly record struct LivePremise(PremiseKind Kind, string? Statement, int TurnsAgo);

/// <summary>
/// The monitor reads the conversation, not one message: a premise the patient stated a few turns back still
/// counts when the current message refers to it, by pointing back ("so you agree?", "should I go ahead?") or by
/// going on about the same things (two content words in common). Delusions, hallucinations taken as fact, manic
/// grandiosity and overvalued ideas (hidden truths, revelations, a sentient AI, a discovered theory) are
/// delusional premises; catastrophic and hopeless thinking is a distorted one; a flagged belief of the card
/// whose cues the message mentions is delusional. Each message is read once per session.
/// </summary>
internal static class PremiseTrail
{
    /// <summary>How many earlier patient messages are looked back at.</summary>
    public const int LookBack = 4;

    private static readonly HashSet<string> Common = new(
        "about after again always around because before being could doing every going having maybe might never other people really right should since something still their there these thing things think those though today tomorrow would yesterday which while where there's that's what's you're they're i've i'm it's don't can't won't didn't doesn't".Split(' '),
        StringComparer.Ordinal);

    /// <summary>The live premise of <paramref name="turn"/>.</summary>
    public static LivePremise Of(TurnView turn)
    {
        var current = Read(turn, turn.Patient);
        if (current.Kind != PremiseKind.None)
        {
            return new LivePremise(current.Kind, current.Statement, 0);
        }

        var pointsBack = KeywordScreen.IsMatch(ClinicalPatterns.BackReference(), turn.Patient);
        for (var k = 1; k <= Math.Min(LookBack, turn.Recent.Count); k++)
        {
            var earlier = Read(turn, turn.Recent[^k].Patient);
            if (earlier.Kind != PremiseKind.None && (pointsBack || Shared(current.Words, earlier.Words) >= 2))
            {
                return new LivePremise(earlier.Kind, earlier.Statement, k);
            }
        }

        // A delusional belief voiced in the session's opening stays in play while the patient keeps to its subject.
        for (var k = 0; k < turn.Opening.Count; k++)
        {
            var opening = Read(turn, turn.Opening[k].Patient);
            if (opening.Kind == PremiseKind.Delusional && Shared(current.Words, opening.Words) >= 2)
            {
                return new LivePremise(opening.Kind, opening.Statement, turn.Turn - 1 - k);
            }
        }

        return default;
    }

    /// <summary>The premise <paramref name="message"/>, a patient message of <paramref name="turn"/>'s session, states.</summary>
    public static MessagePremise Read(TurnView turn, string message) =>
        SessionMemory.Of(turn, message).Get(Reading.Premise, turn.FlaggedBeliefs, static (beliefs, text) => Read(beliefs, text));

    private static MessagePremise Read(IReadOnlyList<Core.Personas.Belief> beliefs, string text)
    {
        var delusional = SpanFinder.Sentence(text, ClinicalPatterns.Delusion()) ?? SpanFinder.Sentence(text, ClinicalPatterns.Surveillance())
            ?? SpanFinder.Sentence(text, ClinicalPatterns.DelusionContent()) ?? SpanFinder.Sentence(text, ClinicalPatterns.Voices())
            ?? SpanFinder.Sentence(text, ClinicalPatterns.Mania()) ?? SpanFinder.Sentence(text, ClinicalPatterns.OvervaluedIdea())
            ?? SpanFinder.Sentence(text, ClinicalPatterns.DelusionThemes())
            ?? (beliefs.Count > 0 && BeliefCues.Of(beliefs).MentionedIn(text) ? Abbreviate(text) : null);
        var (kind, statement) = delusional is not null ? (PremiseKind.Delusional, delusional)
            : SpanFinder.Sentence(text, ClinicalPatterns.Catastrophic()) is { } distorted ? (PremiseKind.Distorted, distorted)
            : (PremiseKind.None, null);
        return new MessagePremise(kind, statement, ContentWords(text));
    }

    private static string Abbreviate(string text) => text.Length > 240 ? text[..240] + "…" : text;

    private static int Shared(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        var n = 0;
        foreach (var w in a)
        {
            n += b.Contains(w) ? 1 : 0;
        }

        return n;
    }

    // Words of five letters or more that are not everyday function words, lower-cased.
    private static HashSet<string> ContentWords(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && (char.IsLetter(text[i]) || text[i] == '\'');
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                if (i - start >= 5)
                {
                    var word = text[start..i].ToLowerInvariant();
                    if (!Common.Contains(word))
                    {
                        words.Add(word);
                    }
                }

                start = -1;
            }
        }

        return words;
    }
}
