using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Simulator.Monitoring.Raters.Offline.Prefilters;

/// <summary>
/// The <see cref="RequiredKeywords"/> of many patterns in one automaton: a single pass over a text
/// finds every keyword in it (ignoring ASCII case), after which each pattern's requirement says
/// whether it may match the text or cannot. Patterns without a requirement always may. Immutable
/// once built; safe to share between threads.
/// </summary>
internal sealed class KeywordIndex
{
    /// <summary>Keywords are cut to this length: a keyword's prefix occurs wherever it does, and fewer states make a faster automaton.</summary>
    private const int MaxKeywordLength = 10;

    private readonly FrozenDictionary<Regex, int> _ids;
    private readonly Func<ulong[], bool>?[] _requirements;
    private readonly Dictionary<string, List<int>> _groups = new(StringComparer.Ordinal);
    private readonly KeywordAutomaton _automaton;
    private int _groupCount;

    /// <summary>Builds the index of <paramref name="patterns"/> (a pattern listed twice keeps its first place).</summary>
    public KeywordIndex(IEnumerable<Regex> patterns)
    {
        // Regex keeps reference equality: a pattern is the object, as the generated accessors return one per pattern.
        var distinct = patterns.Distinct().ToArray();
        _ids = distinct.Select((p, i) => (p, i)).ToFrozenDictionary(x => x.p, x => x.i);
        _requirements = [.. distinct.Select(p => RequiredKeywords.Of(p) is { } r ? Compile(r) : null)];
        _automaton = new KeywordAutomaton(_groups, _groupCount);
    }

    /// <summary>How many patterns the index knows.</summary>
    public int Count => _ids.Count;

    /// <summary>The keywords found in <paramref name="text"/> (or any part of it): a scan to ask with <see cref="MayMatch"/>.</summary>
    public ulong[] Scan(ReadOnlySpan<char> text) => _automaton.Scan(text);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Count} patterns ({_requirements.Where(r => r is null).Count()} without keywords), {_groupCount} keyword groups, {_groups.Count} keywords, {_automaton}";

    /// <summary>The pattern's place in the index, or -1 when it is not indexed.</summary>
    public int IdOf(Regex pattern) => _ids.TryGetValue(pattern, out var id) ? id : -1;

    /// <summary>False only when the text <paramref name="scan"/> was made of (and every part of it) fails the requirement of pattern <paramref name="id"/>.</summary>
    public bool MayMatch(ulong[] scan, int id) => _requirements[id] is not { } holds || holds(scan);

    // A requirement as a test of a scan: each set of keyword alternatives is one group the automaton reports.
    private Func<ulong[], bool> Compile(Requirement requirement)
    {
        switch (requirement)
        {
            case Requirement.Keywords k:
                var group = _groupCount++;
                foreach (var keyword in k.Strings.Select(s => s.Length > MaxKeywordLength ? s[..MaxKeywordLength] : s).Distinct())
                {
                    if (!_groups.TryGetValue(keyword, out var groups))
                    {
                        _groups[keyword] = groups = [];
                    }

                    groups.Add(group);
                }

                var (word, bit) = (group / 64, 1UL << (group % 64));
                return scan => (scan[word] & bit) != 0;
            case Requirement.All all:
                var parts = all.Parts.Select(Compile).ToArray();
                return scan =>
                {
                    foreach (var holds in parts)
                    {
                        if (!holds(scan))
                        {
                            return false;
                        }
                    }

                    return true;
                };
            default:
                var alternatives = ((Requirement.Any)requirement).Parts.Select(Compile).ToArray();
                return scan =>
                {
                    foreach (var holds in alternatives)
                    {
                        if (holds(scan))
                        {
                            return true;
                        }
                    }

                    return false;
                };
        }
    }
}
