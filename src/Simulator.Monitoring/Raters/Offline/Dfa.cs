using System.Text.RegularExpressions;

namespace Simulator.Monitoring.Raters.Offline;

/// <summary>
/// A pattern that is only asked whether it occurs in a message (<see cref="IsMatch"/>): screened by
/// its keywords first (<see cref="KeywordScreen"/>), then matched by its non-backtracking twin (the
/// same pattern and options, a lazily built DFA) in one linear pass. Never used where a match's
/// position, length or count matters, and only for patterns without lookarounds or backreferences.
/// </summary>
internal sealed class Dfa
{
    private readonly Regex _pattern;
    private readonly Regex _automaton;

    private Dfa(Regex pattern, Regex automaton)
    {
        _pattern = pattern;
        _automaton = automaton;
    }

    /// <summary>The screened twin of <paramref name="pattern"/>, matched by the pattern itself when its automaton would exceed the engine's size limit.</summary>
    public static Dfa Of(Regex pattern)
    {
        try
        {
            var dfa = new Regex(pattern.ToString(), pattern.Options | RegexOptions.NonBacktracking);
            dfa.IsMatch(string.Empty); // the automaton is built on first use
            return new(pattern, dfa);
        }
        catch (NotSupportedException)
        {
            return new(pattern, pattern);
        }
    }

    /// <summary>Whether the pattern occurs in <paramref name="message"/>.</summary>
    public bool IsMatch(string message) => KeywordScreen.MayMatch(_pattern, message) && _automaton.IsMatch(message);
}
