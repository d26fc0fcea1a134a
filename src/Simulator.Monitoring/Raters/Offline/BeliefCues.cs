using System.Buffers;
using System.Runtime.CompilerServices;
using Simulator.Core.Personas;

namespace Simulator.Monitoring.Raters.Offline;

/// <summary>
/// The cues of a case's flagged beliefs, looked for together: whether a message mentions any of
/// them at a word start, case-insensitively (ordinal), in one search of the message rather than one
/// per cue. Built once per list of beliefs (one per session).
/// </summary>
internal sealed class BeliefCues
{
    private static readonly ConditionalWeakTable<IReadOnlyList<Belief>, BeliefCues> Lists = [];

    private readonly string[] _list;
    private readonly SearchValues<string>? _cues;

    private BeliefCues(IReadOnlyList<Belief> beliefs)
    {
        _list = [.. beliefs.SelectMany(b => b.Cues).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)];

        // Case-insensitive search of several strings agrees with string.IndexOf character by
        // character (checked over the whole BMP); surrogate pairs are left to string.IndexOf.
        _cues = _list.Length == 0 || _list.Any(c => c.Any(char.IsSurrogate)) ? null : SearchValues.Create(_list, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The cues of <paramref name="beliefs"/>.</summary>
    public static BeliefCues Of(IReadOnlyList<Belief> beliefs) => Lists.GetValue(beliefs, static b => new(b));

    /// <summary>Whether a cue occurs in <paramref name="text"/> at the start of a word.</summary>
    public bool MentionedIn(string text)
    {
        if (_cues is null)
        {
            return _list.Any(cue => MentionedIn(text, cue));
        }

        // The first place any cue starts; a place is a word start or not whatever the cue, so the search goes on past it.
        for (var from = 0; from < text.Length;)
        {
            var i = text.AsSpan(from).IndexOfAny(_cues);
            if (i < 0)
            {
                return false;
            }

            i += from;
            if (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
            {
                return true;
            }

            from = i + 1;
        }

        return false;
    }

    // One cue at a word start.
    private static bool MentionedIn(string text, string cue)
    {
        for (var i = text.IndexOf(cue, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(cue, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
            {
                return true;
            }
        }

        return false;
    }
}
