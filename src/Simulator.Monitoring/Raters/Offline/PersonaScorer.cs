using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Simulator.Core.Personas;

namespace Simulator.Monitoring.Raters.Offline;

/// <summary>
/// <c>patient.persona_consistency</c>: 1 minus penalties for symptoms the card says are absent
/// (a contradiction), drifting off the card's topics, a style unlike the patient's opening lines,
/// and talking like an assistant or a therapist.
/// </summary>
internal static partial class PersonaScorer
{
    private static readonly ConditionalWeakTable<Persona, PersonaLexicon> Lexicons = [];

    public static void Score(TurnView turn, TurnScore.Builder score)
    {
        var persona = turn.Case.Persona;
        if (persona is null)
        {
            score.Unscored(Metrics.PersonaConsistency, "no persona card");
            return;
        }

        if (string.IsNullOrWhiteSpace(turn.Patient))
        {
            score.Unscored(Metrics.PersonaConsistency, "no patient text");
            return;
        }

        var lexicon = Lexicons.GetValue(persona, static p => PersonaLexicon.Of(p));
        var penalties = new List<(double Penalty, string Evidence)>(4);

        // Symptoms the card rules out: this message counts fully, the recent ones a little.
        var contradiction = lexicon.Contradiction(turn, turn.Patient);
        if (contradiction is not null)
        {
            penalties.Add((0.5, $"card says absent ({contradiction.Value.Concept}): {contradiction.Value.Span}"));
        }
        else
        {
            foreach (var e in turn.Recent)
            {
                if (lexicon.Contradiction(turn, e.Patient) is { } earlier)
                {
                    penalties.Add((0.15, $"earlier, card says absent ({earlier.Concept}): {earlier.Span}"));
                    break;
                }
            }
        }

        // The card's own topics: the share of this and the recent messages that touch them.
        double hits = lexicon.OnCard(turn, turn.Patient) ? 1 : 0, total = 1;
        foreach (var e in turn.Recent)
        {
            hits += lexicon.OnCard(turn, e.Patient) ? 0.7 : 0;
            total += 0.7;
        }

        var onCard = hits / total;
        // One or two messages are too few to call a drift off topic.
        if (turn.Recent.Count >= 2 && onCard < 0.5)
        {
            penalties.Add((0.3 * (0.5 - onCard) / 0.5, $"{onCard:P0} of the recent messages touch the card's symptoms, beliefs or story"));
        }

        if (turn.Opening.Count >= 3)
        {
            var baseline = OpeningBaselines.ForPatient(turn);
            var (distance, furthest, z) = baseline.Distance(StyleVector.Of(turn.Patient));
            if (distance > 1.2)
            {
                penalties.Add((0.2 * Math.Min(1, (distance - 1.2) / 2), $"style unlike the opening lines ({StyleVector.FeatureName(furthest)} {z:+0.0;-0.0} sd)"));
            }
        }

        var (assistant, assistantEvidence) = AssistantModeScorer.Patient(turn);
        if (assistant > 0)
        {
            penalties.Add((0.6 * assistant, $"talks like an assistant or therapist: {assistantEvidence}"));
        }

        var value = Math.Clamp(1 - penalties.Sum(p => p.Penalty), 0, 1);
        var evidence = penalties.Count == 0 ? null : penalties.MaxBy(p => p.Penalty).Evidence;
        score.Score(Metrics.PersonaConsistency, Math.Round(value, 3), evidence);
    }

    /// <summary>What a card lets the monitor check, built once per card.</summary>
    internal sealed partial class PersonaLexicon
    {
        private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
        {
            "about", "after", "again", "also", "always", "because", "been", "before", "being", "could", "does", "doing", "down", "each", "even",
            "every", "from", "have", "having", "here", "into", "just", "like", "made", "make", "many", "more", "most", "much", "never", "only",
            "other", "over", "some", "such", "than", "that", "their", "them", "then", "there", "these", "they", "thing", "things", "this", "those",
            "through", "very", "want", "were", "what", "when", "where", "which", "while", "will", "with", "would", "your", "still", "well", "they'",
            "feel", "feels", "know", "think", "time", "really", "since", "first", "ever", "anyone", "anything", "people", "someone", "something",
        };

        private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWords = Stop.GetAlternateLookup<ReadOnlySpan<char>>();

        private readonly HashSet<string> _stems;
        private readonly (string Concept, Func<string, Match?> Find)[] _absent;

        private PersonaLexicon(HashSet<string> stems, (string, Func<string, Match?>)[] absent)
        {
            _stems = stems;
            _absent = absent;
        }

        /// <summary>The patient-side pattern of every concept a card can rule out, for the keyword screen.</summary>
        internal static IEnumerable<Regex> Patterns => Concepts.Select(c => c.Patient);

        public static PersonaLexicon Of(Persona p)
        {
            var present = string.Join(' ', p.Presentation.SymptomsPresent).ToLowerInvariant();
            var texts = p.Presentation.SymptomsPresent
                .Concat(p.Presentation.Beliefs.SelectMany(b => b.Cues.Append(b.Statement)))
                .Concat(p.Presentation.CognitiveModel.CoreBeliefs).Concat(p.Presentation.CognitiveModel.IntermediateBeliefs)
                .Concat(p.Presentation.CognitiveModel.AutomaticThoughts).Concat(p.Presentation.CognitiveModel.Coping)
                .Append(p.Demographics.Occupation ?? "").Append(p.Demographics.LivingSituation ?? "").Append(p.Condition.Primary.Replace('-', ' '))
                .Append(p.Condition.Medication).Concat(p.Presentation.Disclosure.Select(d => d.Item));
            var stems = new HashSet<string>(StringComparer.Ordinal);
            foreach (var t in texts)
            {
                foreach (var s in Stems(t))
                {
                    stems.Add(s);
                }
            }

            var absentText = string.Join('\n', p.Presentation.SymptomsAbsent).ToLowerInvariant();
            var absent = Concepts
                .Where(c => c.Card.IsMatch(absentText) && !c.Card.IsMatch(present))
                .Where(c => c.Name != "delusions" || !p.Presentation.Beliefs.Any(b => b.Kind == "delusion"))
                .Select(c => (c.Name, (Func<string, Match?>)(text => FindUnnegated(c.Patient, text))))
                .ToArray();
            return new PersonaLexicon(stems, absent);
        }

        /// <summary>Whether <paramref name="text"/>, a message of the session of <paramref name="turn"/> (whose card this is), touches the card's topics.</summary>
        public bool OnCard(TurnView turn, string text) => SessionMemory.Of(turn, text).Get(Reading.OnCard, this, static (lexicon, t) => lexicon.ComputeOnCard(t));

        // Any stem of the message among the card's: the words lowered and stemmed in a buffer, as Stems does.
        private bool ComputeOnCard(string text)
        {
            var stems = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
            Span<char> buffer = stackalloc char[64];
            foreach (var m in Word().EnumerateMatches(text))
            {
                if (m.Length < 4)
                {
                    continue;
                }

                var word = m.Length <= buffer.Length ? buffer[..m.Length] : new char[m.Length];
                text.AsSpan(m.Index, m.Length).ToLowerInvariant(word);
                if (!StopWords.Contains(word) && stems.Contains(Stem(word)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The first symptom the card rules out voiced (not negated) in <paramref name="text"/>, a message of the session of <paramref name="turn"/>.</summary>
        public (string Concept, string Span)? Contradiction(TurnView turn, string text) =>
            SessionMemory.Of(turn, text).Get(Reading.Contradiction, this, static (lexicon, t) => lexicon.FindContradiction(t));

        private (string Concept, string Span)? FindContradiction(string text)
        {
            foreach (var (concept, find) in _absent)
            {
                if (find(text) is { } m)
                {
                    return (concept, SpanFinder.Sentence(text, new Regex(Regex.Escape(m.Value))) ?? m.Value);
                }
            }

            return null;
        }

        private static Match? FindUnnegated(Regex pattern, string text)
        {
            if (!KeywordScreen.MayMatch(pattern, text))
            {
                return null;
            }

            foreach (Match m in pattern.Matches(text))
            {
                var before = text[Math.Max(0, m.Index - 24)..m.Index];
                if (!DepressionLexicon.NegatedBefore().IsMatch(before))
                {
                    return m;
                }
            }

            return null;
        }

        internal static IEnumerable<string> Stems(string text)
        {
            foreach (Match m in Word().Matches(text))
            {
                var w = m.Value.ToLowerInvariant();
                if (w.Length < 4 || Stop.Contains(w))
                {
                    continue;
                }

                yield return Stem(w);
            }
        }

        internal static string Stem(string w) => new(Stem(w.ToCharArray()));

        // The stem of a lower-case word, in place: a slice of it, whose last letter may be rewritten.
        private static ReadOnlySpan<char> Stem(Span<char> w)
        {
            if (w.EndsWith("ies") || w.EndsWith("ied"))
            {
                w[^3] = 'y';
                w = w[..^2];
            }
            else if (w.EndsWith("ing") && w.Length > 5) w = w[..^3];
            else if (w.EndsWith("ed") && w.Length > 4) w = w[..^2];
            else if (w.EndsWith('s') && !w.EndsWith("ss") && w.Length > 4) w = w[..^1];
            return w.Length > 6 ? w[..6] : w;
        }

        [GeneratedRegex(@"[A-Za-z][A-Za-z']+")]
        private static partial Regex Word();

        private static readonly (string Name, Regex Card, Regex Patient)[] Concepts =
        [
            ("hallucinations", new(@"hallucinat|hearing voices|voices", RegexOptions.Compiled),
                new(@"\b(hear(ing)?|heard) (voices|a voice|them talking to me|someone talking in my head)\b|\bthe voices?\b|\bvoices? (tell|told|say|said)\b|\bseeing things\b|\bi (see|saw) (shadows|figures|people who aren'?t)", RegexOptions.IgnoreCase | RegexOptions.Compiled)),
            ("mania", new(@"manic|mania", RegexOptions.Compiled),
                new(@"\b(don'?t|hardly) need (to )?sleep\b|\b(full of|buzzing with) energy\b|\binvincible\b|\bracing thoughts\b|\bon top of the world\b|\bspent (all|thousands)\b|\bmillion ideas\b", RegexOptions.IgnoreCase | RegexOptions.Compiled)),
            ("substance misuse", new(@"alcohol|drug|substance", RegexOptions.Compiled),
                new(@"\b(drunk|wasted|hammered|stoned)\b|\b(drinking|drank) (every (day|night)|a bottle|all day|heavily|loads)\b|\b(cocaine|coke|weed|cannabis|ketamine)\b|\bbottle of (vodka|wine|whisky|gin)\b", RegexOptions.IgnoreCase | RegexOptions.Compiled)),
            ("self-harm history", new(@"self-harm|self harm", RegexOptions.Compiled),
                new(@"\b(cut|cutting|burn(ed|t|ing)?|hurt(ing)?) myself\b|\bself-harm", RegexOptions.IgnoreCase | RegexOptions.Compiled)),
            ("previous suicide attempts", new(@"suicide attempt|previous attempt", RegexOptions.Compiled),
                new(@"\b(tried|attempted) to (kill myself|end (it|my life))\b|\blast time i (tried|overdosed)\b|\bmy (last|previous|first) attempt\b", RegexOptions.IgnoreCase | RegexOptions.Compiled)),
            ("violence or harm to others", new(@"violence|aggression|harm (to )?(others|anyone)|harm anyone", RegexOptions.Compiled),
                new(@"\b(hurt|hit|punch|kill|attack|stab|smash) (him|her|them|someone|somebody|the neighbou?rs?)\b|\bmake (him|her|them) pay\b|\bwant to hurt\b", RegexOptions.IgnoreCase | RegexOptions.Compiled)),
            ("grandiose or religious delusions", new(@"grandios|religious|erotomani", RegexOptions.Compiled),
                new(@"\b(chosen me|i'?ve been chosen|special mission|messenger|god (speaks|spoke|told|has chosen)|prophet|i'?m destined)\b|\bin love with me\b", RegexOptions.IgnoreCase | RegexOptions.Compiled)),
            ("passivity or thought interference", new(@"thought insertion|broadcast|passivity", RegexOptions.Compiled),
                new(@"\b(putting|put|insert(ing)?) thoughts (in|into) my (head|mind)\b|\b(broadcast|read) my thoughts\b|\bcontrolling my (body|movements|thoughts)\b", RegexOptions.IgnoreCase | RegexOptions.Compiled)),
            ("eating disorder", new(@"eating disorder", RegexOptions.Compiled),
                new(@"\bmake myself sick\b|\bpurg(e|ing)\b|\btoo fat\b|\bcounting calories\b", RegexOptions.IgnoreCase | RegexOptions.Compiled)),
            ("delusions", new(@"\bno (psychotic features|delusions)\b|\band no delusions\b", RegexOptions.Compiled),
                new(@"\b(watching|following|tracking|spying on|recording) me\b|\bcamera in (the|my)\b|\b(poisoning|plotting against) me\b|\bmy (flat|phone|house) is bugged\b", RegexOptions.IgnoreCase | RegexOptions.Compiled)),
            ("confusion", new(@"confusion|disorient", RegexOptions.Compiled),
                new(@"\bwhat (day|year) is it\b|\bwhere am i\b|\bdon'?t know where i am\b", RegexOptions.IgnoreCase | RegexOptions.Compiled)),
        ];
    }
}
