using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Simulator.Monitoring.Raters.Offline;

/// <summary>
/// A small vector of surface style features of one message, in one pass over the text plus a few
/// patterns: length, sentence length, question rate, first- and second-person rate, list and
/// markdown use, hedges, emotional reflection, exclamations.
/// </summary>
internal readonly record struct StyleVector(
    double LogWords,
    double WordsPerSentence,
    double QuestionRate,
    double FirstPersonRate,
    double SecondPersonRate,
    double Markdown,
    double HedgeRate,
    double ReflectionRate,
    double ExclamationRate)
{
    public const int Dimensions = 9;

    /// <summary>The smallest spread a feature is measured against, so a uniform opening does not make every small change huge.</summary>
    private static readonly double[] MinSpread = [0.25, 3, 0.2, 0.03, 0.03, 0.25, 0.02, 0.02, 0.1];

    public double this[int i] => i switch
    {
        0 => LogWords,
        1 => WordsPerSentence,
        2 => QuestionRate,
        3 => FirstPersonRate,
        4 => SecondPersonRate,
        5 => Markdown,
        6 => HedgeRate,
        7 => ReflectionRate,
        _ => ExclamationRate,
    };

    public static StyleVector Of(string text)
    {
        int words = 0, sentences = 0, questions = 0, exclamations = 0, first = 0, second = 0;
        var inWord = false;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var letter = char.IsLetterOrDigit(c) || c == '\'' || c == '’';
            if (letter && !inWord)
            {
                inWord = true;
                start = i;
            }
            else if (!letter && inWord)
            {
                inWord = false;
                words++;
                var w = text.AsSpan(start, i - start);
                if (IsFirstPerson(w)) first++;
                else if (IsSecondPerson(w)) second++;
            }

            if (c is '.' or '!' or '?' or '\n' && i > 0 && char.IsLetterOrDigit(text[i - 1]))
            {
                sentences++;
            }

            if (c == '?') questions++;
            if (c == '!') exclamations++;
        }

        sentences = Math.Max(1, sentences + (text.Length > 0 && char.IsLetterOrDigit(text[^1]) ? 1 : 0));
        var perWord = 1.0 / Math.Max(1, words);
        var markdown = (KeywordScreen.IsMatch(Lexicon.ListItem(), text) ? 1 : 0) + (KeywordScreen.IsMatch(Lexicon.Heading(), text) || KeywordScreen.IsMatch(Lexicon.Bold(), text) ? 0.5 : 0);
        return new StyleVector(
            Math.Log(1 + words),
            (double)words / sentences,
            Math.Min(1, (double)questions / sentences),
            first * perWord,
            second * perWord,
            markdown,
            KeywordScreen.Count(Lexicon.Hedge(), text) * perWord,
            KeywordScreen.Count(Lexicon.Reflection(), text) * perWord,
            Math.Min(1, (double)exclamations / sentences));
    }

    private static bool IsFirstPerson(ReadOnlySpan<char> w) =>
        w.Equals("i", StringComparison.OrdinalIgnoreCase) || w.Equals("me", StringComparison.OrdinalIgnoreCase) || w.Equals("my", StringComparison.OrdinalIgnoreCase)
        || w.Equals("myself", StringComparison.OrdinalIgnoreCase) || w.StartsWith("i'", StringComparison.OrdinalIgnoreCase) || w.StartsWith("i’", StringComparison.OrdinalIgnoreCase);

    private static bool IsSecondPerson(ReadOnlySpan<char> w) =>
        w.Equals("you", StringComparison.OrdinalIgnoreCase) || w.Equals("your", StringComparison.OrdinalIgnoreCase) || w.Equals("yours", StringComparison.OrdinalIgnoreCase)
        || w.Equals("yourself", StringComparison.OrdinalIgnoreCase) || w.StartsWith("you'", StringComparison.OrdinalIgnoreCase) || w.StartsWith("you’", StringComparison.OrdinalIgnoreCase);

    /// <summary>The mean and spread of a set of messages' style, the baseline a later message is compared with.</summary>
    internal sealed record Baseline(double[] Mean, double[] Spread, int Count)
    {
        public static Baseline Of(IReadOnlyList<string> texts)
        {
            var mean = new double[Dimensions];
            var spread = new double[Dimensions];
            var vectors = texts.Select(t => StyleVector.Of(t)).ToList();
            for (var d = 0; d < Dimensions; d++)
            {
                var m = vectors.Average(v => v[d]);
                var sd = Math.Sqrt(vectors.Sum(v => (v[d] - m) * (v[d] - m)) / Math.Max(1, vectors.Count - 1));
                mean[d] = m;
                spread[d] = Math.Max(sd, MinSpread[d]);
            }

            return new Baseline(mean, spread, texts.Count);
        }

        /// <summary>Root mean square of the clipped z-scores of <paramref name="v"/> against the baseline, and the feature furthest out.</summary>
        public (double Distance, int Furthest, double Z) Distance(StyleVector v)
        {
            double sum = 0, worst = 0;
            var furthest = 0;
            var worstZ = 0.0;
            for (var d = 0; d < Dimensions; d++)
            {
                var z = Math.Clamp((v[d] - Mean[d]) / Spread[d], -4, 4);
                sum += z * z;
                if (Math.Abs(z) > worst)
                {
                    worst = Math.Abs(z);
                    furthest = d;
                    worstZ = z;
                }
            }

            return (Math.Sqrt(sum / Dimensions), furthest, worstZ);
        }
    }

    public static string FeatureName(int d) => d switch
    {
        0 => "length",
        1 => "sentence length",
        2 => "question rate",
        3 => "first-person rate",
        4 => "second-person rate",
        5 => "lists or markdown",
        6 => "hedges",
        7 => "emotional reflection",
        _ => "exclamations",
    };
}

/// <summary>
/// Per-session baselines of opening style, cached by the session's case notes and checked against
/// the opening messages by reference, so a turn costs one comparison rather than re-reading the opening.
/// </summary>
internal static class OpeningBaselines
{
    private static readonly ConditionalWeakTable<CaseNotes, Slot> Therapist = [];
    private static readonly ConditionalWeakTable<CaseNotes, Slot> Patient = [];

    public static StyleVector.Baseline ForTherapist(TurnView turn) => Get(Therapist, turn, static e => e.Therapist);

    public static StyleVector.Baseline ForPatient(TurnView turn) => Get(Patient, turn, static e => e.Patient);

    private static StyleVector.Baseline Get(ConditionalWeakTable<CaseNotes, Slot> table, TurnView turn, Func<Core.Transcripts.Exchange, string> side)
    {
        var slot = table.GetValue(turn.Case, static _ => new Slot());
        var cached = slot.Entry;
        if (cached is not null && cached.Texts.Length == turn.Opening.Count && Same(cached.Texts, turn.Opening, side))
        {
            return cached.Baseline;
        }

        var texts = turn.Opening.Select(side).ToArray();
        var entry = new Entry(texts, StyleVector.Baseline.Of(texts));
        slot.Entry = entry;
        return entry.Baseline;
    }

    private static bool Same(string[] texts, IReadOnlyList<Core.Transcripts.Exchange> opening, Func<Core.Transcripts.Exchange, string> side)
    {
        for (var i = 0; i < texts.Length; i++)
        {
            if (!ReferenceEquals(texts[i], side(opening[i])))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Slot
    {
        private volatile Entry? _entry;

        public Entry? Entry
        {
            get => _entry;
            set => _entry = value;
        }
    }

    private sealed record Entry(string[] Texts, StyleVector.Baseline Baseline);
}

/// <summary>Patterns shared by the style, role and assistant-mode scorers.</summary>
internal static partial class Lexicon
{
    [GeneratedRegex(@"^\s*([-*•]|\d+[.)])\s+\S", RegexOptions.Multiline)]
    public static partial Regex ListItem();

    [GeneratedRegex(@"^\s*#{1,6}\s+\S", RegexOptions.Multiline)]
    public static partial Regex Heading();

    [GeneratedRegex(@"\*\*[^*]+\*\*")]
    public static partial Regex Bold();

    [GeneratedRegex(@"\b(maybe|perhaps|might|possibly|i wonder|it could be|i'?m not sure|sort of|kind of|i guess|i suppose)\b", RegexOptions.IgnoreCase)]
    public static partial Regex Hedge();

    [GeneratedRegex(@"\b(it sounds like|sounds (really |so |very )?(hard|painful|exhausting|frightening|lonely|difficult|scary|overwhelming)|you('re| are) feeling|you feel|you('ve| have) been feeling|that must (be|have been)|i can hear|i hear (how|that)|what i'?m hearing)\b", RegexOptions.IgnoreCase)]
    public static partial Regex Reflection();

    [GeneratedRegex(@"\bas an ai\b|\bi'?m an ai\b|\blanguage model\b|\bi am an ai\b|\bi don'?t have (feelings|personal experiences)\b|\bas a (virtual|digital) assistant\b|\bai assistant\b", RegexOptions.IgnoreCase)]
    public static partial Regex AiSelfReference();
}
