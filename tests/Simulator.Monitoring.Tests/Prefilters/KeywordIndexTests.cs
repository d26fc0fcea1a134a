using System.Text.RegularExpressions;
using Simulator.Monitoring.Raters.Offline.Prefilters;

namespace Simulator.Monitoring.Tests.Prefilters;

public class KeywordIndexTests
{
    private static bool MayMatch(Regex pattern, string text, params Regex[] others)
    {
        var index = new KeywordIndex([.. others, pattern]);
        return index.MayMatch(index.Scan(text), index.IdOf(pattern));
    }

    [Fact]
    public void MayMatch_NoKeywordInText_IsFalse()
    {
        Assert.False(MayMatch(new Regex(@"\b(kill|hurt)(ing)? myself\b", RegexOptions.IgnoreCase), "I went for a walk by the river."));
    }

    [Fact]
    public void MayMatch_KeywordInOtherCase_IsTrue()
    {
        Assert.True(MayMatch(new Regex(@"\bhurt myself\b", RegexOptions.IgnoreCase), "Sometimes I HURT MYSELF."));
    }

    [Fact]
    public void MayMatch_KelvinSignForK_IsTrueAsTheRegexMatches()
    {
        var pattern = new Regex(@"\bkill\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        const string Text = "I want to \u212Aill the lights.";

        Assert.Matches(pattern, Text);
        Assert.True(MayMatch(pattern, Text));
    }

    [Fact]
    public void MayMatch_KeywordInsideAnotherKeyword_IsFoundForBoth()
    {
        // "he" ends inside "she" and "hers": a missed suffix would hide one of the three patterns.
        Regex he = new("he"), she = new("she"), hers = new("hers");
        var index = new KeywordIndex([he, she, hers]);
        var scan = index.Scan("ushers");

        Assert.True(index.MayMatch(scan, index.IdOf(he)));
        Assert.True(index.MayMatch(scan, index.IdOf(she)));
        Assert.True(index.MayMatch(scan, index.IdOf(hers)));
    }

    [Fact]
    public void MayMatch_OnlyOnePartOfARequirementOfTwo_IsFalse()
    {
        var pattern = new Regex(@"\bwatching me\b.{0,20}\bcameras?\b", RegexOptions.IgnoreCase);

        Assert.False(MayMatch(pattern, "They are watching me all day."));
        Assert.True(MayMatch(pattern, "They are watching me with cameras."));
    }

    [Fact]
    public void MayMatch_PatternWithoutKeywords_IsAlwaysTrue()
    {
        Assert.True(MayMatch(new Regex(@"\w+"), "..."));
    }

    [Fact]
    public void IdOf_PatternNotIndexed_IsMinusOne()
    {
        var index = new KeywordIndex([new Regex("a")]);

        Assert.Equal(-1, index.IdOf(new Regex("a")));
    }

    [Fact]
    public void MayMatch_ManyPatterns_EachAnsweredFromTheSameScan()
    {
        static string Code(int i) => $"{(char)('a' + (i / 26))}{(char)('a' + (i % 26))}";
        var patterns = Enumerable.Range(0, 130).Select(i => new Regex($"word{Code(i)}x")).ToArray();
        var index = new KeywordIndex(patterns);
        var scan = index.Scan($"only word{Code(7)}x and word{Code(129)}x here");

        Assert.Equal([7, 129], Enumerable.Range(0, 130).Where(i => index.MayMatch(scan, index.IdOf(patterns[i]))));
    }

    [Fact]
    public void MayMatch_DigitsShareAClass_FindsMoreNeverLess()
    {
        var pattern = new Regex(@"\b988\b");

        Assert.True(MayMatch(pattern, "call 988 now"));
        Assert.True(MayMatch(pattern, "call 889 now"));
        Assert.False(MayMatch(pattern, "call now"));
    }
}
