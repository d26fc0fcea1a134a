using System.Text.RegularExpressions;

namespace Simulator.Agents.Text;

/// <summary>Turns the patient's first-person words into the therapist's second person ("I feel" → "you feel").</summary>
public static partial class Reflection
{
    private static readonly Dictionary<string, string> Swaps = new(StringComparer.OrdinalIgnoreCase)
    {
        ["i"] = "you", ["me"] = "you", ["my"] = "your", ["mine"] = "yours", ["myself"] = "yourself",
        ["am"] = "are", ["i'm"] = "you're", ["i've"] = "you've", ["i'll"] = "you'll", ["i'd"] = "you'd",
        ["you"] = "I", ["your"] = "my", ["yours"] = "mine", ["yourself"] = "myself", ["you're"] = "I'm",
        ["we"] = "you", ["us"] = "you", ["our"] = "your", ["ourselves"] = "yourselves",
    };

    /// <summary>The clause reflected to second person, without final punctuation, first letter lowered.</summary>
    public static string Reflect(string clause)
    {
        var original = clause.Trim();
        var text = Word().Replace(original, m => m.Value.Equals("you", StringComparison.OrdinalIgnoreCase) ? SubjectOrObject(original, m) : Swaps.TryGetValue(m.Value, out var s) ? s : m.Value);
        text = YouWas().Replace(text, "you were");
        text = text.TrimEnd('.', '!', '?', ',', ';', ':', ' ', '"', '\'');
        if (text.Length > 1 && char.IsUpper(text[0]) && !text.StartsWith("I ", StringComparison.Ordinal) && !char.IsUpper(text[1]))
        {
            text = char.ToLowerInvariant(text[0]) + text[1..];
        }

        return text;
    }

    // "you" is the subject ("you don't believe me" -> "I don't...") before a verb, else the object ("told you" -> "told me").
    private static string SubjectOrObject(string text, Match you)
    {
        var next = Word().Match(text, you.Index + you.Length);
        var between = next.Success ? text[(you.Index + you.Length)..next.Index] : ".";
        if (!next.Success || between.Trim().Length > 0)
        {
            return "me";
        }

        // After a subordinator or at the start of a clause "you" is a subject ("if you ever leave me").
        var before = text[..you.Index].TrimEnd();
        var previous = Word().Matches(before) is { Count: > 0 } words ? words[^1] : null;
        var clauseStart = before.Length == 0 || before[^1] is '.' or ',' or ';' or ':' or '!' or '?' || (previous is not null && previous.Index + previous.Length == before.Length && Subordinators.Contains(previous.Value));
        return clauseStart || SubjectVerbs.Contains(next.Value) ? "I" : "me";
    }

    private static readonly HashSet<string> Subordinators = new(StringComparer.OrdinalIgnoreCase)
    {
        "if", "when", "whenever", "because", "that", "and", "but", "so", "as", "than", "unless", "until", "while", "since",
        "what", "how", "why", "where", "before", "after", "though", "although", "then", "whether", "or",
    };

    private static readonly HashSet<string> SubjectVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "do", "don't", "did", "didn't", "are", "aren't", "were", "weren't", "have", "haven't", "had", "can", "can't", "could",
        "couldn't", "would", "wouldn't", "will", "won't", "should", "shouldn't", "know", "think", "thought", "say", "said",
        "sound", "sounded", "look", "seem", "seemed", "never", "always", "just", "really", "probably", "must", "might", "want",
        "get", "got", "keep", "make", "mean", "feel", "see", "believe", "understand", "asked", "told", "listen",
    };

    /// <summary>The sentences of a message.</summary>
    public static IReadOnlyList<string> Sentences(string text) =>
        [.. SentenceSplit().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0)];

    [GeneratedRegex(@"\byou was\b")]
    private static partial Regex YouWas();

    [GeneratedRegex(@"\b[A-Za-z']+\b")]
    private static partial Regex Word();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceSplit();
}
