using System.Buffers;
using System.Globalization;
using System.Text;

namespace Simulator.Core.Text;

/// <summary>
/// Text from models, personas and saved runs made safe for where it is shown: control characters
/// (C0 but tab and line feed, DEL, C1) written out as <c>\x1B</c>-style escapes, so no escape sequence
/// reaches a terminal (clearing the screen, retitling the window) and no stray control character a
/// Markdown or CSV file; a CR LF pair becomes a line feed. For Markdown, raw HTML is escaped too: every
/// <c>&lt;</c> becomes <c>&amp;lt;</c>, so no tag can open (a lone <c>&gt;</c> or <c>&amp;</c> makes none).
/// Text with nothing to escape is returned as it is, without allocating.
/// </summary>
public static class SafeText
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(Controls());

    private static readonly SearchValues<char> UnsafeInMarkdown = SearchValues.Create([.. Controls(), '<']);

    /// <summary>True when <paramref name="text"/> holds a character <see cref="Clean(string)"/> would escape.</summary>
    public static bool NeedsCleaning(ReadOnlySpan<char> text) => text.IndexOfAny(Unsafe) >= 0;

    /// <summary><paramref name="text"/> with control characters escaped (for a terminal, a CSV field, a log line).</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAny(Unsafe) < 0 ? text : Escape(text, markdown: false);
    }

    /// <summary><paramref name="text"/> for a Markdown file: control characters escaped, and <c>&lt;</c> as an entity so no raw HTML gets through.</summary>
    public static string Markdown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAny(UnsafeInMarkdown) < 0 ? text : Escape(text, markdown: true);
    }

    /// <summary>Appends <paramref name="text"/> to <paramref name="into"/> with control characters escaped.</summary>
    public static void Append(StringBuilder into, ReadOnlySpan<char> text)
    {
        ArgumentNullException.ThrowIfNull(into);
        while (!text.IsEmpty)
        {
            var at = text.IndexOfAny(Unsafe);
            if (at < 0)
            {
                into.Append(text);
                return;
            }

            into.Append(text[..at]);
            if (!(text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n'))
            {
                into.Append(CultureInfo.InvariantCulture, $"\\x{(int)text[at]:X2}");
            }

            text = text[(at + 1)..];
        }
    }

    private static string Escape(string text, bool markdown)
    {
        var sb = new StringBuilder(text.Length + 16);
        if (!markdown)
        {
            Append(sb, text);
            return sb.ToString();
        }

        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var at = rest.IndexOf('<');
            var part = at < 0 ? rest : rest[..at];
            Append(sb, part);
            if (at < 0)
            {
                break;
            }

            sb.Append("&lt;");
            rest = rest[(at + 1)..];
        }

        return sb.ToString();
    }

    private static char[] Controls() =>
        [.. Enumerable.Range(0, 32).Where(c => c is not ('\t' or '\n')).Select(c => (char)c), (char)0x7F, .. Enumerable.Range(0x80, 32).Select(c => (char)c)];
}
