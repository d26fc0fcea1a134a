using System.Globalization;
using System.Text.RegularExpressions;
using Simulator.Core.Clinical;

namespace Simulator.Core.Personas;

/// <summary>
/// When a topic of the scripted patient may be said (<c>lines.topics[].when</c>): one or more parts
/// joined by <c>and</c>, each a condition on the state (<c>cssrs &gt;= 2</c>), on the turn
/// (<c>turn &gt;= 12</c>, for what the disclosure plan withholds until then), or a trend
/// (<c>phq9 improving</c>, <c>conviction.being-watched worsening</c>): the variable has moved by at
/// least <see cref="TrendStep"/> in the better (or worse) direction over the last
/// <see cref="TrendWindow"/> turns. Better is lower for every variable but the alliance.
/// </summary>
public sealed partial record LineCondition(IReadOnlyList<LineCondition.Part> Parts)
{
    /// <summary>How many turns back a trend compares with.</summary>
    public const int TrendWindow = 12;

    /// <summary>The pseudo-variable of the turn number.</summary>
    public const string TurnVariable = "turn";

    /// <summary>One part of a condition: a variable and an operator (<c>&lt;</c> … <c>==</c>, <c>improving</c>, <c>worsening</c>) with its number.</summary>
    public sealed record Part(string Variable, string Operator, double Value);

    /// <summary>Parses <paramref name="text"/>, or returns null with the reason.</summary>
    public static LineCondition? TryParse(string text, out string? error)
    {
        var parts = new List<Part>();
        foreach (var piece in AndPattern().Split(text.Trim()))
        {
            var trend = TrendPattern().Match(piece);
            if (trend.Success)
            {
                parts.Add(new Part(trend.Groups[1].Value, trend.Groups[2].Value, 0));
                continue;
            }

            var comparison = StateCondition.TryParse(piece, out _);
            if (comparison is null)
            {
                error = $"'{piece.Trim()}' is not a condition: use '<variable> <op> <number>' (op: < <= > >= ==), 'turn <op> <number>', or '<variable> improving|worsening', joined by 'and'";
                return null;
            }

            parts.Add(new Part(comparison.Variable, comparison.Operator, comparison.Value));
        }

        error = null;
        return new LineCondition(parts);
    }

    /// <summary>The state variables the condition reads (not <c>turn</c>).</summary>
    public IEnumerable<string> Variables => Parts.Select(p => p.Variable).Where(v => v != TurnVariable);

    /// <summary>
    /// Whether every part holds at <paramref name="turn"/> in <paramref name="state"/>, with
    /// <paramref name="earlier"/> the state <see cref="TrendWindow"/> turns before (null: no trend holds yet).
    /// </summary>
    public bool Holds(ClinicalState state, ClinicalState? earlier, int turn) => Parts.All(p => p.Operator switch
    {
        "improving" or "worsening" => Trend(p, state, earlier),
        _ when p.Variable == TurnVariable => Compare(turn, p.Operator, p.Value),
        _ => state.Get(p.Variable) is { } v && Compare(v, p.Operator, p.Value),
    });

    /// <summary>How far a variable must move over the window to count as a trend: 1.5 points of PHQ-9 or GAD-7, 0.6 of a C-SSRS level, 0.05 of a 0..1 variable.</summary>
    public static double TrendStep(string variable) => variable switch
    {
        StateVariables.Phq9 or StateVariables.Gad7 => 1.5,
        StateVariables.Cssrs => 0.6,
        _ => 0.05,
    };

    /// <summary>The change of <paramref name="variable"/> from <paramref name="earlier"/> to <paramref name="now"/>, signed so that positive is better.</summary>
    public static double Improvement(string variable, ClinicalState now, ClinicalState earlier)
    {
        if (now.Get(variable) is not { } a || earlier.Get(variable) is not { } b)
        {
            return 0;
        }

        return variable == StateVariables.Alliance ? a - b : b - a;
    }

    private static bool Trend(Part p, ClinicalState state, ClinicalState? earlier)
    {
        if (earlier is null)
        {
            return false;
        }

        var better = Improvement(p.Variable, state, earlier);
        var step = TrendStep(p.Variable);
        return p.Operator == "improving" ? better >= step : better <= -step;
    }

    private static bool Compare(double v, string op, double value) => op switch
    {
        "<" => v < value,
        "<=" => v <= value,
        ">" => v > value,
        ">=" => v >= value,
        _ => Math.Abs(v - value) < 1e-9,
    };

    /// <summary>The condition as written.</summary>
    public override string ToString() =>
        string.Join(" and ", Parts.Select(p => p.Operator is "improving" or "worsening" ? $"{p.Variable} {p.Operator}" : $"{p.Variable} {p.Operator} {p.Value.ToString(CultureInfo.InvariantCulture)}"));

    [GeneratedRegex(@"\s+and\s+")]
    private static partial Regex AndPattern();

    [GeneratedRegex(@"^\s*([a-z0-9.\-]+)\s+(improving|worsening)\s*$")]
    private static partial Regex TrendPattern();
}
