using Microsoft.Extensions.AI;
using Simulator.Core.Transcripts;

namespace Simulator.Agents.Sessions;

/// <summary>
/// One agent's side of the conversation as chat messages, kept between turns: the system prompt,
/// the preamble, the rolling summary once there is one, then the history, which only ever grows at
/// the end; so building a request costs O(1) per turn and the prompt's prefix stays stable for
/// providers' prefix caches. With a <see cref="ContextBudget"/>, the oldest turns are summarised
/// when the prompt passes the budget.
/// </summary>
internal sealed class Conversation(Func<Exchange, IEnumerable<ChatMessage>> mirror, string perspective, ContextBudget? budget, params ChatMessage[] preamble)
{
    /// <summary>The role whose seed the summary calls carry (<c>patient.summary</c>, <c>therapist.summary</c>); none when null.</summary>
    public string? SummaryRole { get; init; }

    private readonly List<ChatMessage> _messages = [new(ChatRole.System, ""), .. preamble];
    private readonly int _fixed = 1 + preamble.Length;
    private int _mirrored;
    private int _from;
    private string? _summary;
    private int _pending;

    /// <summary>
    /// The messages for a request: <paramref name="system"/>, the preamble, the summary, the history
    /// from the window's start, then <paramref name="trailing"/> (this request only).
    /// </summary>
    public ValueTask<IReadOnlyList<ChatMessage>> ForAsync(string system, IReadOnlyList<Exchange> history, CancellationToken cancellationToken, params ChatMessage[] trailing) =>
        ForAsync(system, history, null, cancellationToken, trailing);

    /// <summary>
    /// As <see cref="ForAsync(string, IReadOnlyList{Exchange}, CancellationToken, ChatMessage[])"/>, in the
    /// session's <paramref name="context"/>: a summary written now carries <see cref="SummaryRole"/>'s seed for the turn.
    /// </summary>
    public async ValueTask<IReadOnlyList<ChatMessage>> ForAsync(
        string system, IReadOnlyList<Exchange> history, SessionContext? context, CancellationToken cancellationToken, params ChatMessage[] trailing)
    {
        if (history.Count < _mirrored)
        {
            // A shorter history than before (a new session on the same agent): start again.
            _messages.RemoveRange(_fixed, _messages.Count - _fixed);
            _mirrored = 0;
            _from = 0;
            _summary = null;
            _pending = 0;
        }

        _messages.RemoveRange(_messages.Count - _pending, _pending);
        _pending = 0;
        for (; _mirrored < history.Count; _mirrored++)
        {
            _messages.AddRange(mirror(history[_mirrored]));
        }

        if (_messages[0].Text != system)
        {
            _messages[0] = new ChatMessage(ChatRole.System, system);
        }

        _messages.AddRange(trailing);
        _pending = trailing.Length;
        if (budget is { Tokens: > 0 } b && b.Counter.Count(_messages) is var tokens && tokens > b.Tokens)
        {
            var options = context is not null && SummaryRole is { } role ? AgentOptions.For(context, role) : null;
            await CompactAsync(b, history, tokens, options, cancellationToken).ConfigureAwait(false);
        }

        return _messages;
    }

    /// <summary>
    /// A copy of the messages a request would carry now, for a side question: <paramref name="system"/>,
    /// the preamble, the summary, the history from the window's start, then <paramref name="trailing"/>.
    /// Nothing is kept and nothing is compacted: the conversation is as it was before the call.
    /// </summary>
    public IReadOnlyList<ChatMessage> Peek(string system, IReadOnlyList<Exchange> history, params ChatMessage[] trailing)
    {
        var copy = new List<ChatMessage>(_messages.Count + (2 * Math.Max(0, history.Count - _mirrored)) + trailing.Length);
        if (history.Count < _mirrored)
        {
            // A new session on the same agent: what the next request would start again from.
            copy.AddRange(_messages.Take(_fixed));
            copy.AddRange(history.SelectMany(mirror));
        }
        else
        {
            copy.AddRange(_messages.Take(_messages.Count - _pending));
            copy.AddRange(history.Skip(_mirrored).SelectMany(mirror));
        }

        copy[0] = new ChatMessage(ChatRole.System, system);
        copy.AddRange(trailing);
        return copy;
    }

    private async Task CompactAsync(ContextBudget b, IReadOnlyList<Exchange> history, int before, ChatOptions? options, CancellationToken cancellationToken)
    {
        var summaryAllowance = b.Tokens / 8;
        var kept = b.Counter.Count(_messages.Take(_fixed)) + summaryAllowance + b.Counter.Count(_messages.TakeLast(_pending));
        var window = new int[history.Count - _from];
        for (var i = _from; i < history.Count; i++)
        {
            window[i - _from] = b.Counter.Count(mirror(history[i]));
        }

        // Keep the newest turns that fit in half the budget; fold the rest into the summary.
        var start = history.Count;
        var total = kept;
        while (start > _from && total + window[start - 1 - _from] <= b.Tokens / 2)
        {
            start--;
            total += window[start - _from];
        }

        if (start == _from)
        {
            return;
        }

        _summary = await SummaryWriter.WriteAsync(b.Summarizer, perspective, _summary, history.Skip(_from).Take(start - _from).ToList(), _from + 1, summaryAllowance, options, cancellationToken).ConfigureAwait(false);
        var trailing = _messages.TakeLast(_pending).ToList();
        _messages.RemoveRange(_fixed, _messages.Count - _fixed);
        _messages.Add(new ChatMessage(ChatRole.System, $"Summary of the session so far (turns 1 to {start}): {_summary}\nThe conversation continues from turn {start + 1}."));
        for (var i = start; i < history.Count; i++)
        {
            _messages.AddRange(mirror(history[i]));
        }

        _messages.AddRange(trailing);
        _from = start;
        b.Compacted(new Compaction(start + 1, _summary, before, b.Counter.Count(_messages)));
    }
}
