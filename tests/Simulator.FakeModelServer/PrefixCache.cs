using System.Collections.Concurrent;

namespace Simulator.FakeModelServer;

/// <summary>
/// A simulated provider prompt cache: keyed by the first message's content, it remembers the last
/// request's messages and reports as cached the tokens of the leading messages a new request repeats.
/// </summary>
internal sealed class PrefixCache
{
    private readonly ConcurrentDictionary<ulong, ReceivedMessage[]> _last = new();

    /// <summary>Returns the cached tokens for <paramref name="messages"/> and remembers them for the next request.</summary>
    public int Observe(IReadOnlyList<ReceivedMessage> messages)
    {
        if (messages.Count == 0)
        {
            return 0;
        }

        var current = messages.ToArray();
        var key = Fnv.Hash(current[0].Content);
        var cached = 0;
        if (_last.TryGetValue(key, out var previous))
        {
            var shared = Math.Min(previous.Length, current.Length);
            for (var i = 0; i < shared && previous[i] == current[i]; i++)
            {
                cached += Tokens.Message(current[i]);
            }
        }

        _last[key] = current;
        return cached;
    }

    public void Clear() => _last.Clear();
}
