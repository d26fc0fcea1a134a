using System.Globalization;

namespace Simulator.Monitoring.Raters.Offline.Prefilters;

/// <summary>
/// Reads .NET regular-expression syntax (without <c>IgnorePatternWhitespace</c>) into a <see cref="Piece"/>.
/// Constructs that cannot be read safely (conditionals, backreferences, balancing groups, code-point
/// escapes, class subtraction) throw <see cref="NotSupportedException"/>: the pattern then has no keywords.
/// </summary>
internal sealed class PatternReader
{
    /// <summary>A class with more characters than this is read as a wildcard.</summary>
    private const int MaxClass = 8;

    private readonly string _pattern;
    private int _at;

    private PatternReader(string pattern) => _pattern = pattern;

    /// <summary>The piece the whole pattern makes.</summary>
    public static Piece Read(string pattern)
    {
        var reader = new PatternReader(pattern);
        var piece = reader.Alternation();
        return reader._at == pattern.Length ? piece : throw new NotSupportedException("unbalanced ')'");
    }

    private bool More => _at < _pattern.Length;

    private char Next() => More ? _pattern[_at++] : throw new NotSupportedException("pattern ends early");

    private Piece Alternation()
    {
        var branches = new List<Piece> { Sequence() };
        while (More && _pattern[_at] == '|')
        {
            _at++;
            branches.Add(Sequence());
        }

        return branches.Count == 1 ? branches[0] : Piece.Alternate(branches);
    }

    private Piece Sequence()
    {
        var parts = new List<Piece>();
        while (More && _pattern[_at] is not ('|' or ')'))
        {
            parts.Add(Quantified(Atom()));
        }

        return Piece.Concat(parts);
    }

    private Piece Quantified(Piece atom)
    {
        if (!More)
        {
            return atom;
        }

        int min, max;
        switch (_pattern[_at])
        {
            case '?': (min, max) = (0, 1); _at++; break;
            case '*': (min, max) = (0, int.MaxValue); _at++; break;
            case '+': (min, max) = (1, int.MaxValue); _at++; break;
            case '{' when Braces(out min, out max): break;
            default: return atom;
        }

        if (More && _pattern[_at] == '?')
        {
            _at++; // lazy: matches the same strings
        }

        return atom.Repeat(min, max);
    }

    // {n}, {n,} or {n,m}; anything else leaves '{' a literal, as .NET does.
    private bool Braces(out int min, out int max)
    {
        (min, max) = (0, 0);
        var close = _pattern.IndexOf('}', _at);
        if (close < 0)
        {
            return false;
        }

        var body = _pattern.AsSpan(_at + 1, close - _at - 1);
        var comma = body.IndexOf(',');
        bool parsed;
        if (comma < 0)
        {
            parsed = Number(body, out min);
            max = min;
        }
        else
        {
            parsed = Number(body[..comma], out min);
            max = int.MaxValue;
            parsed &= comma == body.Length - 1 || Number(body[(comma + 1)..], out max);
        }

        if (parsed)
        {
            _at = close + 1;
        }

        return parsed;
    }

    private static bool Number(ReadOnlySpan<char> digits, out int value) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private Piece Atom()
    {
        var c = Next();
        return c switch
        {
            '(' => Group(),
            '[' => Class(),
            '\\' => Escape(),
            '.' => Piece.Unknown,
            '^' or '$' => Piece.Empty,
            '*' or '+' or '?' => throw new NotSupportedException("quantifier without an atom"),
            _ => Piece.Char(c),
        };
    }

    private Piece Group()
    {
        if (!More || _pattern[_at] != '?')
        {
            return Closed(Alternation());
        }

        _at++;
        var c = Next();
        switch (c)
        {
            case ':' or '>':
                return Closed(Alternation());
            case '=' or '!':
                _ = Closed(Alternation());
                return Piece.Empty;
            case '<' when More && _pattern[_at] is '=' or '!':
                _at++;
                _ = Closed(Alternation());
                return Piece.Empty;
            case '<' or '\'':
                var end = _pattern.IndexOf(c == '<' ? '>' : '\'', _at);
                if (end < 0 || _pattern.AsSpan(_at, end - _at).Contains('-'))
                {
                    throw new NotSupportedException("balancing group");
                }

                _at = end + 1;
                return Closed(Alternation());
            case '#':
                var close = _pattern.IndexOf(')', _at);
                _at = close >= 0 ? close + 1 : throw new NotSupportedException("unterminated comment");
                return Piece.Empty;
            default:
                return InlineOptions(c);
        }
    }

    // (?imns-imns) or (?imns-imns:...): case and line options do not change what the keywords are (the screen ignores case anyway).
    private Piece InlineOptions(char first)
    {
        for (var c = first; ; c = Next())
        {
            switch (c)
            {
                case 'i' or 'm' or 'n' or 's' or '-':
                    continue;
                case ')':
                    return Piece.Empty;
                case ':':
                    return Closed(Alternation());
                default:
                    throw new NotSupportedException($"(?{c}");
            }
        }
    }

    private Piece Closed(Piece inner) => Next() == ')' ? inner : throw new NotSupportedException("expected ')'");

    private Piece Escape()
    {
        var c = Next();
        return c switch
        {
            'b' or 'B' or 'A' or 'z' or 'Z' or 'G' => Piece.Empty,
            'w' or 'W' or 'd' or 'D' or 's' or 'S' => Piece.Unknown,
            'p' or 'P' => SkipCategory(),
            _ => Piece.Char(Literal(c)),
        };
    }

    private Piece SkipCategory()
    {
        var close = _pattern.IndexOf('}', _at);
        _at = close >= 0 ? close + 1 : throw new NotSupportedException("unterminated category");
        return Piece.Unknown;
    }

    // The character an escape stands for (outside or inside a class), for the escapes read here.
    private static char Literal(char escaped) => escaped switch
    {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        'f' => '\f',
        'v' => '\v',
        'e' => '\u001B',
        'a' => '\a',
        _ when char.IsAsciiLetterOrDigit(escaped) => throw new NotSupportedException($"\\{escaped}"),
        _ => escaped,
    };

    private Piece Class()
    {
        var negated = More && _pattern[_at] == '^';
        if (negated)
        {
            _at++;
        }

        var chars = new HashSet<char>();
        var wide = negated;
        for (var first = true; ; first = false)
        {
            var c = Next();
            if (c == ']' && !first)
            {
                break;
            }

            if (c == '\\')
            {
                var e = Next();
                if (e is 'w' or 'W' or 'd' or 'D' or 's' or 'S' or 'p' or 'P')
                {
                    wide = true;
                    if (e is 'p' or 'P')
                    {
                        _ = SkipCategory();
                    }

                    continue;
                }

                c = e == 'b' ? '\b' : Literal(e);
            }

            if (More && _pattern[_at] == '-' && _at + 1 < _pattern.Length && _pattern[_at + 1] != ']')
            {
                _at++;
                var last = Next();
                if (last == '[')
                {
                    throw new NotSupportedException("class subtraction");
                }

                last = last == '\\' ? Literal(Next()) : last;
                if (last - c > MaxClass)
                {
                    wide = true;
                    continue;
                }

                for (var x = c; x <= last; x++)
                {
                    chars.Add(x);
                }

                continue;
            }

            chars.Add(c);
        }

        return wide || chars.Count > MaxClass ? Piece.Unknown : Piece.Alternate([.. chars.Select(Piece.Char)]);
    }
}
