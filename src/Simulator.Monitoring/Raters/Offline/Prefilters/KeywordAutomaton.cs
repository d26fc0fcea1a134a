namespace Simulator.Monitoring.Raters.Offline.Prefilters;

/// <summary>
/// An Aho-Corasick automaton over lower-case ASCII keywords, each in one or more numbered groups:
/// one pass over a text, one table lookup per character, reports the groups of every keyword found
/// (ASCII letters of either case, and the Kelvin sign as 'k', as .NET's case-insensitive matching reads them).
/// </summary>
internal sealed class KeywordAutomaton
{
    // The one character outside ASCII that .NET's case-insensitive matching equates with an ASCII
    // letter: the Kelvin sign matches 'k'. Ordinal case folding does not, so the scan folds it here.
    private const char KelvinSign = '\u212A';

    private readonly int _words;
    private readonly byte[] _classes = new byte[128];
    private readonly int _classCount;
    private readonly int[] _next;
    private readonly int[] _foundStart;
    private readonly int[] _found;

    /// <summary>Builds the automaton of <paramref name="keywords"/> (each with its groups, numbered below <paramref name="groupCount"/>).</summary>
    public KeywordAutomaton(IReadOnlyDictionary<string, List<int>> keywords, int groupCount)
    {
        _words = Math.Max(1, (groupCount + 63) / 64);
        foreach (var c in keywords.Keys.SelectMany(k => k).Distinct().Order())
        {
            _classes[c] = (byte)++_classCount;
            if (char.IsAsciiLetterLower(c))
            {
                _classes[char.ToUpperInvariant(c)] = _classes[c];
            }
        }

        _classCount++; // class 0: a character in no keyword
        var (next, found) = Trie(keywords);
        Complete(next, found);
        _next = [.. next];
        _foundStart = new int[found.Count + 1];
        var flat = new List<int>();
        for (var state = 0; state < found.Count; state++)
        {
            _foundStart[state] = flat.Count;
            flat.AddRange(found[state] ?? []);
        }

        _foundStart[^1] = flat.Count;
        _found = [.. flat];
    }

    /// <inheritdoc />
    public override string ToString() => $"{_foundStart.Length - 1} states, {_classCount} character classes";

    /// <summary>The groups found in <paramref name="text"/>, as a bit set.</summary>
    public ulong[] Scan(ReadOnlySpan<char> text)
    {
        var groups = new ulong[_words];
        var state = 0;
        foreach (var c in text)
        {
            var cls = c < 128 ? _classes[c] : c == KelvinSign ? _classes['k'] : 0;
            state = _next[(state * _classCount) + cls];
            for (var i = _foundStart[state]; i < _foundStart[state + 1]; i++)
            {
                var g = _found[i];
                groups[g / 64] |= 1UL << (g % 64);
            }
        }

        return groups;
    }

    // The trie: moves as one flat table (state × character class, 0 where there is none), and the groups of the keywords ending at each state.
    private (List<int> Next, List<HashSet<int>?> Found) Trie(IReadOnlyDictionary<string, List<int>> keywords)
    {
        var next = new List<int>(new int[_classCount]);
        var found = new List<HashSet<int>?> { null };
        foreach (var (keyword, groups) in keywords)
        {
            var state = 0;
            foreach (var c in keyword)
            {
                var slot = (state * _classCount) + _classes[c];
                if (next[slot] == 0)
                {
                    next[slot] = found.Count;
                    found.Add(null);
                    next.AddRange(new int[_classCount]);
                }

                state = next[slot];
            }

            (found[state] ??= []).UnionWith(groups);
        }

        return (next, found);
    }

    // Breadth first, so a state's suffix state is complete before the state itself: every move the
    // trie lacks (and class 0) goes where the longest proper suffix still in the trie goes, and a
    // state reports the keywords that end at its suffix state too.
    private void Complete(List<int> next, List<HashSet<int>?> found)
    {
        var suffix = new int[found.Count];
        var queue = new Queue<int>();
        for (var cls = 1; cls < _classCount; cls++)
        {
            if (next[cls] != 0)
            {
                queue.Enqueue(next[cls]);
            }
        }

        while (queue.TryDequeue(out var state))
        {
            if (found[suffix[state]] is { } inherited)
            {
                (found[state] ??= []).UnionWith(inherited);
            }

            for (var cls = 0; cls < _classCount; cls++)
            {
                var slot = (state * _classCount) + cls;
                var fallback = next[(suffix[state] * _classCount) + cls];
                if (cls > 0 && next[slot] != 0)
                {
                    suffix[next[slot]] = fallback;
                    queue.Enqueue(next[slot]);
                }
                else
                {
                    next[slot] = fallback;
                }
            }
        }
    }
}
