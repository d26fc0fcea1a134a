using System.Text.RegularExpressions;
using Simulator.Monitoring.Raters.Offline;

namespace Simulator.Monitoring.Raters;

/// <summary>Finds the sentence of a text where a pattern matched, to quote as evidence.</summary>
internal static class SpanFinder
{
    public static string? Sentence(string text, Regex pattern)
    {
        if (!KeywordScreen.MayMatch(pattern, text))
        {
            return null;
        }

        var m = pattern.Match(text);
        if (!m.Success)
        {
            return null;
        }

        var start = text.LastIndexOfAny(['.', '!', '?', '\n'], Math.Max(0, m.Index - 1)) + 1;
        var end = text.IndexOfAny(['.', '!', '?', '\n'], m.Index + m.Length);
        var span = text[start..(end < 0 ? text.Length : end + 1)].Trim();
        return span.Length > 240 ? span[..240] + "…" : span;
    }
}
