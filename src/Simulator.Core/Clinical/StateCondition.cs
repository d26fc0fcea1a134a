using System.Globalization;
using System.Text.RegularExpressions;

namespace Simulator.Core.Clinical;

/// <summary>A condition on the state such as <c>cssrs &gt;= 3</c>: a variable, an operator, a number.</summary>
public sealed partial record StateCondition(string Variable, string Operator, double Value)
{
    /// <summary>Parses a condition, or returns null with the reason.</summary>
    public static StateCondition? TryParse(string text, out string? error)
    {
        var m = Pattern().Match(text);
        if (!m.Success)
        {
            error = $"'{text}' is not a condition of the form '<variable> <op> <number>' (op: < <= > >= ==)";
            return null;
        }

        error = null;
        return new StateCondition(m.Groups[1].Value, m.Groups[2].Value, double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Whether the condition holds in <paramref name="state"/> (false when the variable is missing).</summary>
    public bool Holds(ClinicalState state)
    {
        if (state.Get(Variable) is not { } v)
        {
            return false;
        }

        return Operator switch
        {
            "<" => v < Value,
            "<=" => v <= Value,
            ">" => v > Value,
            ">=" => v >= Value,
            _ => Math.Abs(v - Value) < 1e-9,
        };
    }

    [GeneratedRegex(@"^\s*([a-z0-9.\-]+)\s*(<=|>=|==|<|>)\s*(-?\d+(?:\.\d+)?)\s*$")]
    private static partial Regex Pattern();
}
