using System.Text.RegularExpressions;

namespace Simulator.Monitoring.Raters.Offline;

/// <summary>
/// Non-backtracking twins of patterns that are only asked whether they occur in a text
/// (<see cref="Regex.IsMatch(string)"/>): the same pattern and options, matched by a lazily built DFA
/// in one linear pass. Never used where a match's position, length or count matters, and only for
/// patterns without lookarounds or backreferences.
/// </summary>
internal static class Dfa
{
    public static Regex Of(Regex pattern) => new(pattern.ToString(), pattern.Options | RegexOptions.NonBacktracking);
}
