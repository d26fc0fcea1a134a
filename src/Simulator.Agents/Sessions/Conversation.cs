using Microsoft.Extensions.AI;

namespace Simulator.Agents.Sessions;

/// <summary>
/// One agent's side of the conversation as chat messages, kept between turns and only ever grown
/// at the end (the system prompt aside), so building a request costs O(1) per turn and the prompt's
/// prefix stays stable for providers' prefix caches.
/// </summary>
internal sealed class Conversation(Func<Exchange, IEnumerable<ChatMessage>> mirror, params ChatMessage[] preamble)
{
    private readonly List<ChatMessage> _messages = [new(ChatRole.System, ""), .. preamble];
    private readonly int _fixed = 1 + preamble.Length;
    private int _mirrored;
    private bool _pending;

    /// <summary>The messages for a request: <paramref name="system"/>, the preamble, the history, then <paramref name="next"/> if any.</summary>
    public IReadOnlyList<ChatMessage> For(string system, IReadOnlyList<Exchange> history, ChatMessage? next = null)
    {
        if (history.Count < _mirrored)
        {
            // A shorter history than before (a new session on the same agent): start again.
            _messages.RemoveRange(_fixed, _messages.Count - _fixed);
            _mirrored = 0;
            _pending = false;
        }

        if (_pending)
        {
            _messages.RemoveAt(_messages.Count - 1);
            _pending = false;
        }

        for (; _mirrored < history.Count; _mirrored++)
        {
            _messages.AddRange(mirror(history[_mirrored]));
        }

        if (_messages[0].Text != system)
        {
            _messages[0] = new ChatMessage(ChatRole.System, system);
        }

        if (next is not null)
        {
            _messages.Add(next);
            _pending = true;
        }

        return _messages;
    }
}
