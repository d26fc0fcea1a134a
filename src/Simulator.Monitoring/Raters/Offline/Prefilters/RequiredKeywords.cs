using System.Text.RegularExpressions;

namespace Simulator.Monitoring.Raters.Offline.Prefilters;

/// <summary>
/// The keywords a pattern cannot match without, read off the pattern's own syntax: a
/// <see cref="Requirement"/> that every match meets. Only what the pattern consumes counts: anchors,
/// word boundaries and lookarounds require nothing, and anything the reading does not understand
/// requires nothing, so the answer errs towards "cannot tell".
/// </summary>
internal static class RequiredKeywords
{
    /// <summary>What every match of <paramref name="pattern"/> contains, or null when nothing is known.</summary>
    public static Requirement? Of(Regex pattern)
    {
        if ((pattern.Options & (RegexOptions.IgnorePatternWhitespace | RegexOptions.ECMAScript | RegexOptions.RightToLeft)) != 0)
        {
            return null;
        }

        try
        {
            return PatternReader.Read(pattern.ToString()).Required;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
