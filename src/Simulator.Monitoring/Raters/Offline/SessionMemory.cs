using System.Runtime.CompilerServices;

namespace Simulator.Monitoring.Raters.Offline;

/// <summary>
/// What the offline scorers remember of a session's recent messages. A message is read once and
/// asked again while it is among the turns' recent exchanges, so each session (its case notes)
/// keeps the readings of its last <see cref="Capacity"/> messages and forgets older ones. One
/// memory per session, not a weak entry per message: the garbage collector traces no handle per
/// message, and the readings of a long session do not pile up. Thread-safe.
/// </summary>
internal sealed class SessionMemory
{
    /// <summary>Messages remembered: a turn's view holds the two new ones and 2 × <see cref="TurnView.RecentLength"/> recent ones.</summary>
    public const int Capacity = 4 * (TurnView.RecentLength + 1);

    private static readonly ConditionalWeakTable<CaseNotes, SessionMemory> Memories = [];

    // The memory last asked for on this thread: a turn asks for the same one some fifty times.
    [ThreadStatic]
    private static (CaseNotes Case, SessionMemory Memory)? t_last;

    // A ring, newest last: a reference comparison per slot is cheaper than hashing a message.
    private readonly string?[] _messages = new string?[Capacity];
    private readonly MessageReadings?[] _readings = new MessageReadings?[Capacity];
    private readonly Lock _lock = new();
    private int _newest = -1;

    /// <summary>The readings of <paramref name="message"/>, a message of the session <paramref name="turn"/> belongs to.</summary>
    public static MessageReadings Of(TurnView turn, string message)
    {
        if (t_last is not { } last || !ReferenceEquals(last.Case, turn.Case))
        {
            last = (turn.Case, Memories.GetValue(turn.Case, static _ => new()));
            t_last = last;
        }

        return last.Memory.Recall(message);
    }

    private MessageReadings Recall(string message)
    {
        lock (_lock)
        {
            for (var k = 0; k < Capacity; k++)
            {
                var slot = (_newest - k + Capacity) % Capacity;
                if (ReferenceEquals(_messages[slot], message))
                {
                    return _readings[slot]!;
                }
            }

            _newest = (_newest + 1) % Capacity;
            (_messages[_newest], _readings[_newest]) = (message, new MessageReadings(message));
            return _readings[_newest]!;
        }
    }
}
