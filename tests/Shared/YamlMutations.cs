using System.Text.RegularExpressions;

namespace Simulator.Tests.Shared;

/// <summary>
/// Number-minded mutations of a persona or study file, for fuzzing what validation lets through:
/// one number made NaN, infinite, null, huge or out of range, a documented field removed, or a number
/// nudged within its range (so some inputs stay valid). Deterministic from the <see cref="Random"/> given.
/// </summary>
internal static partial class YamlMutations
{
    public static readonly string[] Kinds = ["nan", "inf", "null", "huge", "out-of-range", "missing", "nudge", "nudge"];

    private static readonly string[] NaNs = [".nan", ".NaN", "NaN", ".NAN"];
    private static readonly string[] Infinities = [".inf", "-.inf", "+.inf", "1e999", "-1e999", ".Inf"];
    private static readonly string[] Nulls = ["~", "null", ""];
    private static readonly string[] Huge = ["1e308", "-1e308", "1e12", "99999999999", "1.7976931348623157e308", "4294967296"];
    private static readonly string[] OutOfRange = ["-1", "1.5", "40", "300", "0", "-0.5", "2147483647", "101"];

    /// <summary>A mutation of <paramref name="text"/> and what it did.</summary>
    public static (string Text, string What) Mutate(string text, Random random, string? kind = null)
    {
        kind ??= Kinds[random.Next(Kinds.Length)];
        if (kind == "missing")
        {
            var lines = text.Split('\n').ToList();
            var keyed = lines.Select((l, i) => (l, i)).Where(x => Key().IsMatch(x.l)).ToList();
            var (line, at) = keyed[random.Next(keyed.Count)];
            var indent = line.Length - line.TrimStart().Length;
            var end = at + 1;
            while (end < lines.Count && (lines[end].Trim().Length == 0 || lines[end].Length - lines[end].TrimStart().Length > indent))
            {
                end++;
            }

            lines.RemoveRange(at, end - at);
            return (string.Join('\n', lines), $"missing {line.Trim()}");
        }

        var numbers = Number().Matches(text);
        var target = numbers[random.Next(numbers.Count)];
        var value = kind switch
        {
            "nan" => NaNs[random.Next(NaNs.Length)],
            "inf" => Infinities[random.Next(Infinities.Length)],
            "null" => Nulls[random.Next(Nulls.Length)],
            "huge" => Huge[random.Next(Huge.Length)],
            "out-of-range" => OutOfRange[random.Next(OutOfRange.Length)],
            _ => Nudged(target.Value, random),
        };
        return (text[..target.Index] + value + text[(target.Index + target.Length)..], $"{kind}: {target.Value} -> {value} at {target.Index}");
    }

    private static string Nudged(string number, Random random) =>
        double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && !number.Contains('.', StringComparison.Ordinal)
            ? number
            : (v * (0.8 + (0.2 * random.NextDouble()))).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    // A number that is a whole value: after "key: ", "- ", "[" or ", " and before the end, a comma, bracket or comment.
    [GeneratedRegex(@"(?<=(?:^|[:\[,{]|- )[ ]*)-?\d+(?:\.\d+)?(?:[eE]-?\d+)?(?=[ ]*(?:[,\]}#\r\n]|$))", RegexOptions.Multiline)]
    private static partial Regex Number();

    [GeneratedRegex(@"^\s*(?:- )?[a-z_0-9]+:", RegexOptions.None)]
    private static partial Regex Key();
}
