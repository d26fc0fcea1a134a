using System.Collections.Concurrent;

namespace Simulator.Monitoring.Guard;

/// <summary>
/// Where the monitor posts each turn's verdict and guard mode waits for it: the one place the
/// session loop waits for the monitor. A monitor that stops early fails every wait, so a guarded
/// session never hangs.
/// </summary>
public sealed class VerdictBoard
{
    private readonly ConcurrentDictionary<int, TaskCompletionSource<TurnVerdict>> _verdicts = new();
    private Exception? _stopped;

    /// <summary>Posts the verdict on a turn.</summary>
    public void Post(TurnVerdict verdict) => Slot(verdict.Turn).TrySetResult(verdict);

    /// <summary>The verdict on <paramref name="turn"/>, once posted; a verdict taken is forgotten.</summary>
    public async Task<TurnVerdict> TakeAsync(int turn, CancellationToken cancellationToken)
    {
        var verdict = await Slot(turn).Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        _verdicts.TryRemove(turn, out _);
        return verdict;
    }

    /// <summary>The monitor stopped: every wait, present and future, fails with <paramref name="reason"/>.</summary>
    public void Stop(Exception reason)
    {
        _stopped = reason;
        foreach (var slot in _verdicts.Values)
        {
            slot.TrySetException(reason);
        }
    }

    private TaskCompletionSource<TurnVerdict> Slot(int turn)
    {
        var slot = _verdicts.GetOrAdd(turn, _ => new TaskCompletionSource<TurnVerdict>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_stopped is { } reason)
        {
            slot.TrySetException(reason);
        }

        return slot;
    }
}
