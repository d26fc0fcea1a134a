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
    /// <summary>The non-backtracking twin, or the pattern itself when its automaton would exceed the engine's size limit.</summary>
    public static Regex Of(Regex pattern)
    {
        try
        {
            var dfa = new Regex(pattern.ToString(), pattern.Options | RegexOptions.NonBacktracking);
            dfa.IsMatch(string.Empty); // the automaton is built on first use
            return dfa;
        }
        catch (NotSupportedException)
        {
            return pattern;
        }
    }
}
