using Microsoft.Extensions.AI;

namespace Simulator.Agents.Scripted;

/// <summary>
/// Which of a set of candidate lines (or templates) a scripted speaker has already said, read from
/// its own earlier messages in the history. Scans each message once, so a session costs O(turns).
/// </summary>
internal sealed class UsedLines(IEnumerable<string> candidates, Func<string, string, bool>? said = null)
{
    private readonly string[] _candidates = [.. candidates.Distinct(StringComparer.Ordinal)];
    private readonly Func<string, string, bool> _said = said ?? ((candidate, message) => message.Contains(candidate, StringComparison.Ordinal));
    private readonly Dictionary<string, int> _lastUsed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _messages = new(StringComparer.Ordinal);
    private int _scanned;

    /// <summary>The turn index (0-based among own messages) each line was last said at.</summary>
    public IReadOnlyDictionary<string, int> LastUsed => _lastUsed;

    /// <summary>Own messages seen so far.</summary>
    public int OwnMessages { get; private set; }

    /// <summary>The own message text seen most recently.</summary>
    public string? LastOwn { get; private set; }

    /// <summary>Catches up with the history (own messages have role assistant). The history must only grow at its end, trailing system messages aside.</summary>
    public void Update(IReadOnlyList<ChatMessage> history)
    {
        // Trailing system messages (a patient's stage directions) are per request, not history.
        var end = history.Count;
        while (end > 0 && history[end - 1].Role == ChatRole.System)
        {
            end--;
        }

        if (end < _scanned)
        {
            _scanned = 0;
            OwnMessages = 0;
            _lastUsed.Clear();
            _messages.Clear();
        }

        for (; _scanned < end; _scanned++)
        {
            var m = history[_scanned];
            if (m.Role != ChatRole.Assistant)
            {
                continue;
            }

            var text = m.Text;
            foreach (var c in _candidates)
            {
                if (_said(c, text))
                {
                    _lastUsed[c] = OwnMessages;
                }
            }

            LastOwn = text;
            _messages.Add(text);
            OwnMessages++;
        }
    }

    /// <summary>True when this exact message was sent before.</summary>
    public bool HasSent(string message) => _messages.Contains(message);

    /// <summary>True when <paramref name="line"/> has not been said yet.</summary>
    public bool IsFresh(string line) => !_lastUsed.ContainsKey(line);

    /// <summary>An unsaid line if there is one, else the one said longest ago.</summary>
    public string Pick(IReadOnlyList<string> lines, Core.Randomness.SeededRandom random)
    {
        var fresh = lines.Where(l => !_lastUsed.ContainsKey(l)).ToList();
        if (fresh.Count > 0)
        {
            return random.Pick(fresh);
        }

        var oldest = lines.Min(l => _lastUsed.GetValueOrDefault(l));
        return random.Pick(lines.Where(l => _lastUsed.GetValueOrDefault(l) == oldest).ToList());
    }
}
