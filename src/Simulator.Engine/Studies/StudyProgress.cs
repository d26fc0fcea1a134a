using Simulator.Core.Events;

namespace Simulator.Engine.Studies;

/// <summary>
/// The live counters of a running study, updated from the runs' log writers as events are saved
/// (thread-safe), and read as <see cref="StudyProgressSnapshot"/>s by whatever shows progress.
/// </summary>
public sealed class StudyProgress(int totalRuns, long totalTurns, TimeProvider clock)
{
    private readonly long _started = clock.GetTimestamp();
    private readonly RunTally _tally = new();
    private long _turnsBefore;
    private int _done;
    private int _failed;
    private int _running;
    private int _skipped;

    /// <summary>Counts one saved event.</summary>
    public void Saw(RunEvent e) => _tally.Saw(e);

    /// <summary>A run found complete from an earlier attempt: its turns count as done, not as this attempt's speed.</summary>
    public void Skipped(int turns)
    {
        Interlocked.Increment(ref _skipped);
        Interlocked.Increment(ref _done);
        Interlocked.Add(ref _turnsBefore, turns);
    }

    /// <summary>A resumed run had <paramref name="turns"/> turns from an earlier attempt (known once it ends).</summary>
    public void Continued(int turns) => Interlocked.Add(ref _turnsBefore, turns);

    /// <summary>A run started.</summary>
    public void Started() => Interlocked.Increment(ref _running);

    /// <summary>A run ended; <paramref name="completed"/> false for a failed or cancelled one.</summary>
    public void Ended(bool completed)
    {
        Interlocked.Decrement(ref _running);
        Interlocked.Increment(ref completed ? ref _done : ref _failed);
    }

    /// <summary>A run elsewhere ended (its running count comes from <see cref="Follow"/>); <paramref name="completed"/> false for a failed or cancelled one.</summary>
    public void Finished(bool completed) => Interlocked.Increment(ref completed ? ref _done : ref _failed);

    /// <summary>Counters of runs elsewhere (a cluster), as their coordinator totals them for this attempt.</summary>
    public void Follow(int running, long turns, long tokens, long alerts)
    {
        Volatile.Write(ref _running, running);
        _tally.Set(turns, tokens, alerts);
    }

    /// <summary>The counters now.</summary>
    public StudyProgressSnapshot Snapshot()
    {
        var elapsed = clock.GetElapsedTime(_started);
        var turns = _tally.Turns;
        var before = Interlocked.Read(ref _turnsBefore);
        var rate = elapsed.TotalSeconds > 0 ? turns / elapsed.TotalSeconds : 0;
        var left = Math.Max(0, totalTurns - turns - before);
        TimeSpan? eta = rate > 0 ? TimeSpan.FromSeconds(left / rate) : null;
        return new StudyProgressSnapshot(
            totalRuns, Volatile.Read(ref _done), Volatile.Read(ref _failed), Volatile.Read(ref _running), Volatile.Read(ref _skipped),
            turns + before, totalTurns, rate, _tally.Tokens, _tally.Alerts, elapsed, eta)
        {
            AttemptTurns = turns,
        };
    }
}

/// <summary>The counters of a study at one moment.</summary>
/// <param name="Runs">Runs in the study.</param>
/// <param name="Done">Runs complete (this attempt's and earlier ones').</param>
/// <param name="Failed">Runs that ended failed or cancelled.</param>
/// <param name="Running">Runs in progress.</param>
/// <param name="Skipped">Runs found complete from an earlier attempt.</param>
/// <param name="Turns">Turns completed, earlier attempts' included.</param>
/// <param name="TotalTurns">Turns in the whole study.</param>
/// <param name="TurnsPerSecond">This attempt's turns per second.</param>
/// <param name="Tokens">Prompt and completion tokens of this attempt's model calls.</param>
/// <param name="Alerts">Alerts this attempt's monitors raised.</param>
/// <param name="Elapsed">Time since the study started.</param>
/// <param name="Eta">Time left at the current speed, or null before the first turn.</param>
public sealed record StudyProgressSnapshot(
    int Runs, int Done, int Failed, int Running, int Skipped, long Turns, long TotalTurns, double TurnsPerSecond, long Tokens, long Alerts, TimeSpan Elapsed, TimeSpan? Eta)
{
    /// <summary>Turns completed by this attempt alone (<see cref="Turns"/> counts earlier attempts' too).</summary>
    public long AttemptTurns { get; init; }
}
