namespace Simulator.Monitoring.Learned;

/// <summary>
/// Hashed word unigrams and bigrams of a text (the "hashing trick"): words are runs of letters, digits and
/// apostrophes, lower-cased; markdown structure becomes words of its own (<c>&lt;h&gt;</c> a heading line,
/// <c>&lt;li&gt;</c> a list item, <c>&lt;b&gt;</c> bold, <c>&lt;q&gt;</c> a question mark). Each n-gram is hashed
/// (FNV-1a, seeded with its namespace) into one of 2^bits buckets with a sign from the hash, so collisions
/// cancel rather than pile up. Deterministic on every machine: integer arithmetic only.
/// </summary>
internal static class TextFeatures
{
    private const uint FnvPrime = 16777619;
    private const uint FnvOffset = 2166136261;

    /// <summary>Adds the n-grams of <paramref name="text"/> under <paramref name="ns"/> to <paramref name="into"/> as (bucket, sign) pairs; returns how many it added.</summary>
    public static int Add(ReadOnlySpan<char> text, uint ns, int bits, bool bigrams, List<(int Bucket, int Sign)> into)
    {
        var added = 0;
        var previous = 0u;
        var havePrevious = false;
        var lineStart = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                lineStart = true;
                i++;
                continue;
            }

            if (lineStart && c is ' ' or '\t')
            {
                i++;
                continue;
            }

            uint word;
            if (lineStart && c == '#')
            {
                while (i < text.Length && text[i] == '#')
                {
                    i++;
                }

                word = Marker('h');
            }
            else if (lineStart && (c is '-' or '*' or '•') && i + 1 < text.Length && text[i + 1] == ' ')
            {
                i++;
                word = Marker('l');
            }
            else if (lineStart && char.IsAsciiDigit(c) && ListNumber(text, i) is > 0 and var length)
            {
                i += length;
                word = Marker('l');
            }
            else if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                i += 2;
                word = Marker('b');
            }
            else if (c == '?')
            {
                i++;
                word = Marker('q');
            }
            else if (IsWordChar(c))
            {
                var hash = FnvOffset;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    var ch = text[i] is '\u2019' or '\u2018' ? '\'' : char.ToLowerInvariant(text[i]);
                    hash = (hash ^ ch) * FnvPrime;
                    i++;
                }

                word = hash;
            }
            else
            {
                i++;
                lineStart = false;
                continue;
            }

            lineStart = false;
            into.Add(Bucket(Mix(ns, word), bits));
            added++;
            if (bigrams && havePrevious)
            {
                into.Add(Bucket(Mix(Mix(ns ^ 0x9E3779B9u, previous), word), bits));
                added++;
            }

            previous = word;
            havePrevious = true;
        }

        return added;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '\'' or '\u2019' or '\u2018';

    // "12. " or "3) " at a line start: the length of the marker, or 0.
    private static int ListNumber(ReadOnlySpan<char> text, int i)
    {
        var j = i;
        while (j < text.Length && char.IsAsciiDigit(text[j]) && j - i < 3)
        {
            j++;
        }

        return j + 1 < text.Length && text[j] is '.' or ')' && text[j + 1] == ' ' ? j + 1 - i : 0;
    }

    private static uint Marker(char kind) => unchecked((((FnvOffset ^ (uint)'<') * FnvPrime) ^ kind) * FnvPrime);

    private static uint Mix(uint a, uint b)
    {
        var h = FnvOffset;
        for (var k = 0; k < 4; k++)
        {
            h = (h ^ (a & 0xFF)) * FnvPrime;
            a >>= 8;
        }

        for (var k = 0; k < 4; k++)
        {
            h = (h ^ (b & 0xFF)) * FnvPrime;
            b >>= 8;
        }

        return h;
    }

    private static (int Bucket, int Sign) Bucket(uint hash, int bits)
    {
        // Final avalanche (murmur3's fmix32), then the low bits pick the bucket and the top bit the sign.
        hash ^= hash >> 16;
        hash *= 0x85EBCA6B;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35;
        hash ^= hash >> 16;
        return ((int)(hash & ((1u << bits) - 1)), (hash & 0x80000000u) != 0 ? -1 : 1);
    }
}
