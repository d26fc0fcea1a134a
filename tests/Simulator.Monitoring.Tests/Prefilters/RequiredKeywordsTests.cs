using System.Text.RegularExpressions;
using Simulator.Monitoring.Raters.Offline.Prefilters;

namespace Simulator.Monitoring.Tests.Prefilters;

public class RequiredKeywordsTests
{
    private static Requirement? Of(string pattern, RegexOptions options = RegexOptions.IgnoreCase) => RequiredKeywords.Of(new Regex(pattern, options));

    private static string[] Keywords(Requirement? r) => [.. Assert.IsType<Requirement.Keywords>(r).Strings.Order(StringComparer.Ordinal)];

    [Fact]
    public void Of_FewAlternatives_EnumeratesEveryString()
    {
        Assert.Equal(["hurt myself", "hurting myself", "kill myself", "killing myself"], Keywords(Of(@"\b(kill|hurt)(ing)? myself\b")));
    }

    [Fact]
    public void Of_OptionalCharacterAndSmallClass_EnumerateBothSpellings()
    {
        Assert.Equal(["don't", "dont"], Keywords(Of(@"\bdon'?t\b")));
        Assert.Equal(["organise", "organize"], Keywords(Of(@"organi[sz]e")));
    }

    [Fact]
    public void Of_UpperCaseLiteral_IsFoldedToLowerCase()
    {
        Assert.Equal(["dear sir"], Keywords(Of(@"Dear Sir", RegexOptions.None)));
    }

    [Fact]
    public void Of_WildcardBetweenParts_RequiresEveryPart()
    {
        var all = Assert.IsType<Requirement.All>(Of(@"\b(watch|follow)(ing|ed)? me\b.{0,20}\b(camera|phone)s?\b"));

        Assert.Equal(2, all.Parts.Length);
        Assert.Equal(["follow me", "followed me", "following me", "watch me", "watched me", "watching me"], Keywords(all.Parts[0]));
        Assert.Equal(["camera", "cameras", "phone", "phones"], Keywords(all.Parts[1]));
    }

    [Fact]
    public void Of_ManyBranches_RequiresOneOfThem()
    {
        var any = Assert.IsType<Requirement.Any>(Of(@"\bsafe\b|\b(crisis|help) .{0,9}\bline\b"));

        Assert.Contains(any.Parts, p => p is Requirement.Keywords k && k.Strings.SequenceEqual(["safe"]));
        Assert.Contains(any.Parts, p => p is Requirement.All);
    }

    [Fact]
    public void Of_LookaroundsAndAnchors_RequireNothingOfTheirOwn()
    {
        Assert.Equal(["safe"], Keywords(Of(@"(?<!not )^\bsafe(?=\.)$")));
        Assert.Null(Of(@"(?=danger)"));
    }

    [Theory]
    [InlineData(@"(abc)?")]
    [InlineData(@"a*")]
    [InlineData(@"\w+")]
    [InlineData(@"[^.!?]+")]
    [InlineData(@"[a-z]{4,}")]
    [InlineData(@"abc|\d+")]
    public void Of_PatternThatCanMatchWithoutKeywords_IsNull(string pattern)
    {
        Assert.Null(Of(pattern));
    }

    [Theory]
    [InlineData(@"(a)bc\1", RegexOptions.None)]
    [InlineData(@"(?(a)bc|de)", RegexOptions.None)]
    [InlineData(@"a b c", RegexOptions.IgnorePatternWhitespace)]
    [InlineData(@"(?x)a b c", RegexOptions.None)]
    [InlineData(@"caf\u00e9", RegexOptions.None)]
    [InlineData(@"…|wait", RegexOptions.None)]
    public void Of_ConstructNotReadSafely_IsNull(string pattern, RegexOptions options)
    {
        Assert.Null(Of(pattern, options));
    }

    [Fact]
    public void Of_RepeatedAtLeastOnce_KeepsTheRequirement()
    {
        Assert.Equal(["ab"], Keywords(Of(@"(ab)+")));
        Assert.Equal(["ab"], Keywords(Of(@"(ab){2,3}")));
    }

    [Fact]
    public void Of_WeakSetBesideStrongerOnes_IsDropped()
    {
        // ' ' would be found in every text; " pills" carries the requirement.
        Assert.Equal([" pills"], Keywords(Of(@"\w+ \w+ pills")));
    }
}
