namespace Simulator.Monitoring.Raters.Offline.Prefilters;

/// <summary>
/// An Aho-Corasick automaton over lower-case ASCII keywords, each in one or more numbered groups:
/// one pass over a text, one table lookup per character, reports the groups of every keyword found
/// (ASCII letters of either case, and the Kelvin sign as 'k', as .NET's case-insensitive matching reads them).
/// </summary>
/// <remarks>
/// Kept small, because the monitor scores a turn between two of the session loop's, which evict it
/// from the caches: a row of moves is one cache line (32 character classes of two bytes). Digits
/// share a class, and so do the punctuation marks other than the apostrophe and the question mark;
/// sharing only ever finds more, never less. Keywords past <see cref="MaxStates"/> states are not
/// entered, and their groups are reported found in every text.
/// </remarks>
internal sealed class KeywordAutomaton
{
    /// <summary>The most states the automaton holds.</summary>
    public const int MaxStates = Reports - 1;

    // Character classes: 0 a character in no keyword, 1-26 the letters, then these.
    private const int Stride = 32;
    private const byte Digit = 27, Space = 28, Apostrophe = 29, Question = 30, Punctuation = 31;

    // A move's target state, with this bit set when keywords end there.
    private const ushort Reports = 0x8000;

    // The one character outside ASCII that .NET's case-insensitive matching equates with an ASCII
    // letter: the Kelvin sign matches 'k'. Ordinal case folding does not, so the scan folds it here.
    private const char KelvinSign = '\u212A';

    private readonly int _words;
    private readonly byte[] _classes = new byte[128];
    private readonly ushort[] _next;
    private readonly int[] _foundStart;
    private readonly int[] _found;
    private readonly ulong[] _always;

    /// <summary>Builds the automaton of <paramref name="keywords"/> (each with its groups, numbered below <paramref name="groupCount"/>).</summary>
    public KeywordAutomaton(IReadOnlyDictionary<string, List<int>> keywords, int groupCount)
    {
        _words = Math.Max(1, (groupCount + 63) / 64);
        _always = new ulong[_words];
        foreach (var c in keywords.Keys.SelectMany(k => k).Distinct())
        {
            _classes[c] = Class(c);
            _classes[char.ToUpperInvariant(c)] = _classes[c];
        }

        var (next, found) = Trie(keywords);
        var order = Complete(next, found);

        // States numbered breadth first: the shallow ones, where a scan spends most of its moves, share few cache lines.
        var number = new int[order.Count];
        for (var n = 0; n < order.Count; n++)
        {
            number[order[n]] = n;
        }

        _next = new ushort[next.Count];
        _foundStart = new int[found.Count + 1];
        var flat = new List<int>();
        for (var n = 0; n < order.Count; n++)
        {
            for (var cls = 0; cls < Stride; cls++)
            {
                var target = next[(order[n] * Stride) + cls];
                _next[(n * Stride) + cls] = (ushort)(number[target] | (found[target] is null ? 0 : Reports));
            }

            _foundStart[n] = flat.Count;
            flat.AddRange(found[order[n]] ?? []);
        }

        _foundStart[^1] = flat.Count;
        _found = [.. flat];
    }

    /// <inheritdoc />
    public override string ToString() => $"{_foundStart.Length - 1} states of {Stride} character classes";

    /// <summary>The groups found in <paramref name="text"/>, as a bit set.</summary>
    public ulong[] Scan(ReadOnlySpan<char> text)
    {
        var groups = (ulong[])_always.Clone();
        var state = 0;
        foreach (var c in text)
        {
            var cls = c < 128 ? _classes[c] : c == KelvinSign ? _classes['k'] : 0;
            var move = _next[(state * Stride) + cls];
            state = move & ~Reports;
            if ((move & Reports) != 0)
            {
                for (var i = _foundStart[state]; i < _foundStart[state + 1]; i++)
                {
                    var g = _found[i];
                    groups[g / 64] |= 1UL << (g % 64);
                }
            }
        }

        return groups;
    }

    private static byte Class(char c) => c switch
    {
        >= 'a' and <= 'z' => (byte)(c - 'a' + 1),
        >= 'A' and <= 'Z' => (byte)(c - 'A' + 1),
        >= '0' and <= '9' => Digit,
        ' ' => Space,
        '\'' => Apostrophe,
        '?' => Question,
        _ => Punctuation,
    };

    // The trie: moves as one flat table (state × character class, 0 where there is none), and the
    // groups of the keywords ending at each state. A keyword that would pass the size limit is left
    // out, and its groups are found always.
    private (List<int> Next, List<HashSet<int>?> Found) Trie(IReadOnlyDictionary<string, List<int>> keywords)
    {
        var next = new List<int>(new int[Stride]);
        var found = new List<HashSet<int>?> { null };
        foreach (var (keyword, groups) in keywords.OrderBy(k => k.Key.Length).ThenBy(k => k.Key, StringComparer.Ordinal))
        {
            var state = 0;
            foreach (var c in keyword)
            {
                var slot = (state * Stride) + _classes[c];
                if (next[slot] == 0)
                {
                    if (found.Count > MaxStates)
                    {
                        state = -1;
                        break;
                    }

                    next[slot] = found.Count;
                    found.Add(null);
                    next.AddRange(new int[Stride]);
                }

                state = next[slot];
            }

            if (state < 0)
            {
                foreach (var g in groups)
                {
                    _always[g / 64] |= 1UL << (g % 64);
                }

                continue;
            }

            (found[state] ??= []).UnionWith(groups);
        }

        return (next, found);
    }

    // Breadth first, so a state's suffix state is complete before the state itself: every move the
    // trie lacks (and class 0) goes where the longest proper suffix still in the trie goes, and a
    // state reports the keywords that end at its suffix state too. Returns the states in that order.
    private static List<int> Complete(List<int> next, List<HashSet<int>?> found)
    {
        var suffix = new int[found.Count];
        var order = new List<int>(found.Count) { 0 };
        var queue = new Queue<int>();
        for (var cls = 1; cls < Stride; cls++)
        {
            if (next[cls] != 0)
            {
                queue.Enqueue(next[cls]);
            }
        }

        while (queue.TryDequeue(out var state))
        {
            order.Add(state);
            if (found[suffix[state]] is { } inherited)
            {
                (found[state] ??= []).UnionWith(inherited);
            }

            for (var cls = 0; cls < Stride; cls++)
            {
                var slot = (state * Stride) + cls;
                var fallback = next[(suffix[state] * Stride) + cls];
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

        return order;
    }
}
