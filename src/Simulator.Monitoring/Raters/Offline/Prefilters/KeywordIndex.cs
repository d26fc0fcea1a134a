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
    private const int MaxKeywordLength = 8;

    // Requirements are kept flat, one after another in one array: a set of keyword alternatives is
    // its group's number (>= 0); all-of and one-of are their tag, their length, then their parts.
    private const int AllOf = -1, OneOf = -2;

    private readonly FrozenDictionary<Regex, int> _ids;
    private readonly List<int> _program = [];
    private readonly (int Start, int Length)[] _requirements;
    private readonly int[] _flat;
    private readonly Dictionary<string, List<int>> _groups = new(StringComparer.Ordinal);
    private readonly KeywordAutomaton _automaton;
    private int _groupCount;

    /// <summary>Builds the index of <paramref name="patterns"/> (a pattern listed twice keeps its first place).</summary>
    public KeywordIndex(IEnumerable<Regex> patterns)
    {
        // Regex keeps reference equality: a pattern is the object, as the generated accessors return one per pattern.
        var distinct = patterns.Distinct().ToArray();
        _ids = distinct.Select((p, i) => (p, i)).ToFrozenDictionary(x => x.p, x => x.i);
        _requirements = [.. distinct.Select(p => RequiredKeywords.Of(p) is { } r ? Compile(r) : (-1, 0))];
        _flat = [.. _program];
        _automaton = new KeywordAutomaton(_groups, _groupCount);
    }

    /// <summary>How many patterns the index knows.</summary>
    public int Count => _ids.Count;

    /// <summary>The keywords found in <paramref name="text"/> (or any part of it): a scan to ask with <see cref="MayMatch"/>.</summary>
    public ulong[] Scan(ReadOnlySpan<char> text) => _automaton.Scan(text);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Count} patterns ({_requirements.Count(r => r.Start < 0)} without keywords), {_groupCount} keyword groups, {_groups.Count} keywords, {_automaton}";

    /// <summary>The pattern's place in the index, or -1 when it is not indexed.</summary>
    public int IdOf(Regex pattern) => _ids.TryGetValue(pattern, out var id) ? id : -1;

    /// <summary>False only when the text <paramref name="scan"/> was made of (and every part of it) fails the requirement of pattern <paramref name="id"/>.</summary>
    public bool MayMatch(ulong[] scan, int id) =>
        _requirements[id] is not (>= 0 and var start, var length) || Holds(_flat.AsSpan(start, length), scan);

    private static bool Holds(ReadOnlySpan<int> requirement, ulong[] scan)
    {
        var tag = requirement[0];
        if (tag >= 0)
        {
            return (scan[tag / 64] & (1UL << (tag % 64))) != 0;
        }

        // All-of fails at its first failing part, one-of holds at its first holding part.
        var all = tag == AllOf;
        for (var at = 2; at < requirement.Length;)
        {
            var length = requirement[at] >= 0 ? 1 : requirement[at + 1];
            if (Holds(requirement.Slice(at, length), scan) != all)
            {
                return !all;
            }

            at += length;
        }

        return all;
    }

    // Appends a requirement to the program; each set of keyword alternatives becomes one group the automaton reports.
    private (int Start, int Length) Compile(Requirement requirement)
    {
        var start = _program.Count;
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

                _program.Add(group);
                break;
            default:
                var (tag, parts) = requirement is Requirement.All all ? (AllOf, all.Parts) : (OneOf, ((Requirement.Any)requirement).Parts);
                _program.AddRange([tag, 0]);
                foreach (var part in parts)
                {
                    _ = Compile(part);
                }

                _program[start + 1] = _program.Count - start;
                break;
        }

        return (start, _program.Count - start);
    }
}
