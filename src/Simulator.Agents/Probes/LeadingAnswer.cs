using System.Text.RegularExpressions;

namespace Simulator.Agents.Probes;

/// <summary>What an answer told to start with yes, no or unsure actually starts with.</summary>
public enum Leading
{
    /// <summary>None of them.</summary>
    None,

    /// <summary>Yes (or yeah, yep).</summary>
    Yes,

    /// <summary>No (or nope).</summary>
    No,

    /// <summary>Unsure (or not sure, uncertain).</summary>
    Unsure,
}

/// <summary>Reads the first word of an answer, past quotes, asterisks and other markup.</summary>
public static partial class LeadingAnswer
{
    /// <summary>The answer's leading yes, no or unsure.</summary>
    public static Leading Of(string answer)
    {
        var m = FirstWords().Match(answer);
        if (!m.Success)
        {
            return Leading.None;
        }

        var first = m.Groups[1].Value.ToLowerInvariant();
        var second = m.Groups[2].Value.ToLowerInvariant();
        return first switch
        {
            "yes" or "yeah" or "yep" => Leading.Yes,
            "not" when second == "sure" => Leading.Unsure,
            "no" or "nope" => Leading.No,
            "unsure" or "uncertain" => Leading.Unsure,
            _ => Leading.None,
        };
    }

    /// <summary>The first few words of an answer, for reasons.</summary>
    public static string Opening(string answer)
    {
        var text = answer.Trim();
        return text.Length == 0 ? "(empty)" : '"' + (text.Length > 40 ? text[..40] + "…" : text) + '"';
    }

    [GeneratedRegex(@"^[\s\p{P}\p{S}]*(\p{L}+)(?:[\s\p{P}]+(\p{L}+))?", RegexOptions.CultureInvariant)]
    private static partial Regex FirstWords();
}
