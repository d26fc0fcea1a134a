using System.Text;
using Simulator.Core.Randomness;
using Simulator.Storage.Catalogs;

namespace Simulator.Storage.Tests.Fuzzing;

/// <summary>
/// Feeds the persona loader (<see cref="PersonaCatalog.LoadFile"/>) random and mutated persona
/// YAML, starting from the real files in personas/: lines deleted, duplicated, swapped and
/// re-indented, characters edited, values replaced with hostile ones (nulls, NaN, huge numbers,
/// tags, anchors and aliases), truncation, splices of two personas, deep nesting, alias bombs,
/// odd Unicode, and random text. Shared by the CI tests and the bench (<c>fuzz persona</c>).
/// </summary>
internal static class PersonaFuzzer
{
    private static readonly string[] Mutations =
    [
        "delete-lines", "duplicate-lines", "swap-lines", "indent", "char-edit", "hostile-value", "truncate",
        "splice", "deep-nesting", "alias-bomb", "unicode", "random-text", "duplicate-key",
    ];

    private static readonly string[] HostileValues =
    [
        "~", "null", "[]", "{}", "[~]", "{a: ~}", ".nan", ".inf", "-.inf", "1e999", "-1e999", "99999999999999999999999", "-2147483649",
        "2147483648", "-1", "0", "\"\"", "''", "!!binary AAAA", "!!python/object:os.system", "!custom x", "&anchor x", "*anchor",
        "*undefined", "yes", "0x1F", "0o17", "2026-11-23", "|\n  block\n  text", ">-\n  folded", "[a, [b, [c]]]", "{x: {y: {z: 1}}}",
        "? complex\n: key", "- a\n- b", "\"\\u0000\"", "\"\\uD800\"", "'unterminated", "\"unterminated", "[unclosed", "{unclosed",
        "%YAML 1.1", "--- second", "...", "@reserved", "`reserved", "a: b: c", "\t tab", new string('x', 70_000),
    ];

    private static readonly string[] Specials = [":", "-", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "#", "%", "@", "\t", "\n", " ", ",", "?", "\\", "\r", "\0"];

    /// <summary>Runs <paramref name="inputs"/> inputs from <paramref name="seed"/> against the personas of <paramref name="personas"/>, in a scratch folder.</summary>
    public static FuzzReport Run(int inputs, ulong seed, string personas, string scratch, FuzzReport? report = null)
    {
        report ??= new FuzzReport();
        var random = new SeededRandom(seed);
        var corpus = Directory.EnumerateFiles(personas, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => (Id: Path.GetFileNameWithoutExtension(f), Text: File.ReadAllText(f))).ToList();
        var catalog = new PersonaCatalog([scratch]);
        Directory.CreateDirectory(scratch);
        for (var i = 0; i < inputs; i++)
        {
            var mutation = Mutations[i % Mutations.Length];
            var (id, text) = random.Pick(corpus);
            var input = Make(mutation, random, text, corpus);
            var path = Path.Combine(scratch, id + ".yaml");
            var bytes = Encoding.UTF8.GetBytes(input);
            File.WriteAllBytes(path, bytes);
            report.Run(mutation, bytes, path, () =>
            {
                catalog.LoadFile(path);
                return "accepted";
            });
        }

        return report;
    }

    /// <summary>One mutated persona text.</summary>
    public static string Make(string mutation, SeededRandom r, string text, IReadOnlyList<(string Id, string Text)> corpus)
    {
        var lines = text.Split('\n').ToList();
        int At(int count) => r.Next(Math.Max(1, count));
        switch (mutation)
        {
            case "delete-lines":
                for (var n = 1 + r.Next(4); n > 0 && lines.Count > 0; n--)
                {
                    lines.RemoveAt(At(lines.Count));
                }

                break;
            case "duplicate-lines":
            {
                var at = At(lines.Count);
                lines.InsertRange(At(lines.Count), lines.Skip(at).Take(1 + r.Next(5)).ToList());
                break;
            }

            case "swap-lines":
            {
                var (a, b) = (At(lines.Count), At(lines.Count));
                (lines[a], lines[b]) = (lines[b], lines[a]);
                break;
            }

            case "indent":
            {
                var at = At(lines.Count);
                lines[at] = r.Chance(0.5) ? new string(' ', 1 + r.Next(6)) + lines[at] : lines[at].TrimStart();
                break;
            }

            case "char-edit":
            {
                var chars = new StringBuilder(text);
                for (var n = 1 + r.Next(8); n > 0; n--)
                {
                    var at = At(chars.Length);
                    switch (r.Next(3))
                    {
                        case 0: chars.Insert(at, r.Pick(Specials)); break;
                        case 1: chars.Remove(at, Math.Min(1 + r.Next(3), chars.Length - at)); break;
                        default: chars[at] = r.Pick(Specials)[0]; break;
                    }
                }

                return chars.ToString();
            }

            case "hostile-value":
            {
                for (var n = 1 + r.Next(3); n > 0; n--)
                {
                    var at = At(lines.Count);
                    var colon = lines[at].IndexOf(": ", StringComparison.Ordinal);
                    var dash = lines[at].IndexOf("- ", StringComparison.Ordinal);
                    var cut = colon >= 0 ? colon + 2 : dash >= 0 ? dash + 2 : lines[at].Length;
                    var indent = new string(' ', lines[at].Length - lines[at].TrimStart().Length + 2);
                    lines[at] = lines[at][..cut] + r.Pick(HostileValues).Replace("\n", "\n" + indent, StringComparison.Ordinal);
                }

                break;
            }

            case "truncate":
                return text[..At(text.Length)];
            case "splice":
            {
                var other = r.Pick(corpus).Text.Split('\n');
                return string.Join('\n', lines.Take(At(lines.Count)).Concat(other.Skip(At(other.Length))));
            }

            case "deep-nesting":
            {
                var depth = r.Pick(new[] { 50, 200, 1000, 10_000, 100_000, 1_000_000 });
                var open = r.Chance(0.5) ? "[" : "{a: ";
                var close = open == "[" ? "]" : "}";
                var nested = r.Chance(0.5)
                    ? string.Concat(Enumerable.Repeat(open, depth)) + string.Concat(Enumerable.Repeat(close, depth))
                    : "\n" + string.Concat(Enumerable.Range(0, Math.Min(depth, 2_000)).Select(d => new string(' ', d) + "- \n"));
                lines.Insert(At(lines.Count), r.Pick(new[] { "variants: ", "script: ", "mood: ", "  age: ", "dynamics: " }) + nested);
                break;
            }

            case "alias-bomb":
            {
                var bomb = new StringBuilder("bomb:\n  a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
                for (var level = 1; level <= 9; level++)
                {
                    var prev = (char)('a' + level - 1);
                    var name = (char)('a' + level);
                    bomb.Append(CultureInvariant($"  {name}: &{name} [{string.Join(", ", Enumerable.Repeat("*" + prev, 9))}]\n"));
                }

                var field = r.Pick(new[] { "bomb:", "script:", "variants:" });
                lines.Insert(r.Chance(0.5) ? 0 : lines.Count, bomb.ToString().Replace("bomb:", field, StringComparison.Ordinal).TrimEnd('\n'));
                break;
            }

            case "unicode":
            {
                var odd = r.Pick(new[] { "\uFEFF", "\u200B", "\u0085", "\u2028", "\u001B[31m", "\uFFFD", "\u0007", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u202E", "\uD800" });
                var at = At(text.Length);
                return text[..at] + odd + text[at..];
            }

            case "random-text":
            {
                var chars = new StringBuilder();
                for (var n = r.Next(600); n > 0; n--)
                {
                    chars.Append(r.Chance(0.3) ? r.Pick(Specials) : ((char)(32 + r.Next(95))).ToString());
                }

                return chars.ToString();
            }

            default:
            {
                var at = At(lines.Count);
                lines.Insert(at + 1, lines[at]);
                break;
            }
        }

        return string.Join('\n', lines);
    }

    private static string CultureInvariant(FormattableString s) => FormattableString.Invariant(s);
}
