namespace Simulator.Monitoring.Raters.Offline.Prefilters;

/// <summary>
/// What every match of a pattern contains: one of some keywords, all of some requirements, or one
/// of some requirements. Keywords are lower-case ASCII and are looked for ignoring ASCII case. A
/// pattern with no requirement at all has none (null), never an empty one.
/// </summary>
internal abstract record Requirement
{
    /// <summary>A set with a keyword shorter than this (one character) matches nearly every text: it adds nothing beside stronger ones.</summary>
    private const int MinSelectiveLength = 2;

    /// <summary>
    /// All of <paramref name="parts"/> (null parts require nothing), or null when none requires anything.
    /// Sets of keywords that would occur almost anywhere are dropped beside stronger parts: requiring
    /// less is always safe, and they would cost the scan a report at nearly every character.
    /// </summary>
    public static Requirement? AllOf(IEnumerable<Requirement?> parts)
    {
        var all = parts.OfType<Requirement>().SelectMany(p => p is All a ? a.Parts : [p]).ToArray();
        var selective = all.Where(p => p is not Keywords k || k.Strings.Min(s => s.Length) >= MinSelectiveLength).ToArray();
        all = selective.Length > 0 ? selective : all;
        return all.Length switch { 0 => null, 1 => all[0], _ => new All(all) };
    }

    /// <summary>One of <paramref name="parts"/>, or null when one of them requires nothing (keyword alternatives are pooled).</summary>
    public static Requirement? OneOf(IEnumerable<Requirement?> parts)
    {
        var list = parts.ToList();
        if (list.Any(p => p is null))
        {
            return null;
        }

        var flat = list.SelectMany(p => p is Any a ? a.Parts : [p!]).ToList();
        string[] keywords = [.. flat.OfType<Keywords>().SelectMany(k => k.Strings).Distinct(StringComparer.Ordinal)];
        Requirement[] rest = [.. flat.Where(p => p is not Keywords)];
        Requirement[] all = keywords.Length > 0 ? [new Keywords(keywords), .. rest] : rest;
        return all.Length == 1 ? all[0] : new Any(all);
    }

    /// <summary>Every keyword the requirement names.</summary>
    public abstract IEnumerable<string> AllKeywords();

    /// <summary>One of these strings occurs.</summary>
    public sealed record Keywords(string[] Strings) : Requirement
    {
        /// <inheritdoc />
        public override IEnumerable<string> AllKeywords() => Strings;
    }

    /// <summary>Every part holds.</summary>
    public sealed record All(Requirement[] Parts) : Requirement
    {
        /// <inheritdoc />
        public override IEnumerable<string> AllKeywords() => Parts.SelectMany(p => p.AllKeywords());
    }

    /// <summary>At least one part holds.</summary>
    public sealed record Any(Requirement[] Parts) : Requirement
    {
        /// <inheritdoc />
        public override IEnumerable<string> AllKeywords() => Parts.SelectMany(p => p.AllKeywords());
    }
}
