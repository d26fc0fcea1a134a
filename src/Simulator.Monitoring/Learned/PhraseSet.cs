namespace Simulator.Monitoring.Learned;

/// <summary>
/// Counts occurrences of phrases, by class, in a text read as lower-case words (letters, digits, apostrophes).
/// A phrase is one or more words; a word ending in <c>*</c> matches any word it begins. One pass over the
/// words, a dictionary lookup per word. Immutable and thread-safe once built.
/// </summary>
internal sealed class PhraseSet
{
    private readonly Dictionary<string, List<(string[] Words, int Class)>> _byFirst = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, string[] Words, int Class)> _byPrefix = [];

    /// <summary>A set of <paramref name="classes"/>, each a name and its phrases.</summary>
    public PhraseSet(IReadOnlyList<(string Name, string[] Phrases)> classes)
    {
        Names = [.. classes.Select(c => c.Name)];
        for (var k = 0; k < classes.Count; k++)
        {
            foreach (var phrase in classes[k].Phrases)
            {
                var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words[0].EndsWith('*'))
                {
                    _byPrefix.Add((words[0][..^1], words, k));
                }
                else
                {
                    if (!_byFirst.TryGetValue(words[0], out var list))
                    {
                        _byFirst[words[0]] = list = [];
                    }

                    list.Add((words, k));
                }
            }
        }
    }

    /// <summary>The classes' names.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The words of <paramref name="text"/>, lower-cased.</summary>
    public static string[] Words(string text)
    {
        var words = new List<string>(text.Length / 5);
        Span<char> buffer = stackalloc char[64];
        var length = 0;
        foreach (var raw in text)
        {
            var c = raw is '\u2019' or '\u2018' ? '\'' : raw;
            if (char.IsLetterOrDigit(c) || (c == '\'' && length > 0))
            {
                if (length < buffer.Length)
                {
                    buffer[length++] = char.ToLowerInvariant(c);
                }
            }
            else if (length > 0)
            {
                words.Add(new string(buffer[..length].TrimEnd('\'')));
                length = 0;
            }
        }

        if (length > 0)
        {
            words.Add(new string(buffer[..length].TrimEnd('\'')));
        }

        return [.. words];
    }

    /// <summary>Adds to <paramref name="counts"/> (one per class) the phrases found in <paramref name="words"/>.</summary>
    public void Count(string[] words, Span<int> counts)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (_byFirst.TryGetValue(words[i], out var candidates))
            {
                foreach (var (phrase, k) in candidates)
                {
                    counts[k] += Matches(words, i, phrase) ? 1 : 0;
                }
            }

            foreach (var (prefix, phrase, k) in _byPrefix)
            {
                counts[k] += words[i].StartsWith(prefix, StringComparison.Ordinal) && Matches(words, i, phrase) ? 1 : 0;
            }
        }
    }

    private static bool Matches(string[] words, int at, string[] phrase)
    {
        if (at + phrase.Length > words.Length)
        {
            return false;
        }

        for (var j = 1; j < phrase.Length; j++)
        {
            var p = phrase[j];
            var w = words[at + j];
            if (p.EndsWith('*') ? !w.StartsWith(p.AsSpan(0, p.Length - 1), StringComparison.Ordinal) : w != p)
            {
                return false;
            }
        }

        return true;
    }
}
