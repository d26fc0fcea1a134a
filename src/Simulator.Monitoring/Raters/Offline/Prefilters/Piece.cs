namespace Simulator.Monitoring.Raters.Offline.Prefilters;

/// <summary>
/// What a piece of a pattern matches, as far as keywords go: exactly one of a few lower-case strings
/// (<see cref="Exact"/>), or text that meets a <see cref="Requirement"/> (null: nothing is known).
/// Sets are never changed once a piece holds them.
/// </summary>
internal sealed class Piece
{
    /// <summary>The most strings an exact piece enumerates before it is read as a keyword requirement.</summary>
    public const int MaxExact = 16;

    private readonly Requirement? _required;

    private Piece(HashSet<string>? exact, Requirement? required)
    {
        Exact = exact;
        _required = required;
    }

    /// <summary>A zero-width piece: an anchor, a word boundary, a lookaround.</summary>
    public static Piece Empty { get; } = new([""], null);

    /// <summary>A piece that may match anything (a wildcard, a large class, an unbounded repeat).</summary>
    public static Piece Unknown { get; } = new(null, null);

    /// <summary>The strings the piece matches, lower case, when there are few enough of them.</summary>
    public HashSet<string>? Exact { get; }

    /// <summary>What every match of the piece contains, or null.</summary>
    public Requirement? Required => Exact is null ? _required : Keywords(Exact);

    /// <summary>One literal character: ASCII folds to lower case; anything else is left unknown.</summary>
    public static Piece Char(char c) => c <= 0x7F ? new([char.ToLowerInvariant(c).ToString()], null) : Unknown;

    /// <summary>A sequence: exact strings are joined while there are few enough, and every part's requirement holds.</summary>
    public static Piece Concat(IReadOnlyList<Piece> parts)
    {
        HashSet<string> run = [""];
        var required = new List<Requirement?>();
        var broken = false;
        foreach (var part in parts)
        {
            if (part.Exact is { } exact && run.Count * exact.Count <= MaxExact)
            {
                run = [.. run.SelectMany(_ => exact, (a, b) => a + b)];
                continue;
            }

            // The run of exact strings ends here: what it has is one requirement of the whole.
            broken = true;
            required.Add(Keywords(run));
            if (part.Exact is { } next)
            {
                run = next;
            }
            else
            {
                required.Add(part.Required);
                run = [""];
            }
        }

        required.Add(Keywords(run));
        return broken ? new(null, Requirement.AllOf(required)) : new(run, null);
    }

    /// <summary>An alternation: the union of its branches' strings, or one of their requirements (nothing when one branch has none).</summary>
    public static Piece Alternate(IReadOnlyList<Piece> branches)
    {
        if (branches.All(b => b.Exact is not null))
        {
            HashSet<string> union = [.. branches.SelectMany(b => b.Exact!)];
            if (union.Count <= MaxExact)
            {
                return new(union, null);
            }
        }

        return new(null, Requirement.OneOf(branches.Select(b => b.Required)));
    }

    /// <summary>The piece repeated <paramref name="min"/> to <paramref name="max"/> times.</summary>
    public Piece Repeat(int min, int max) => (min, max) switch
    {
        (1, 1) => this,
        (0, 1) when Exact is { } exact => new([.. exact, ""], null),
        (0, _) => Unknown,
        _ => new(null, Required), // at least one copy: its requirement stands
    };

    private static Requirement? Keywords(HashSet<string> exact) => exact.Contains("") ? null : new Requirement.Keywords([.. exact]);
}
