using Simulator.Core.Events;
using Simulator.Core.Validation;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Runs;

/// <summary>
/// Where an interrupted run picks up: after its last complete turn (whose state step, the last
/// event of a turn, is in the log), with the monitor from the first turn whose scores may be
/// missing. A run that ended cleanly (its log closes with RunEnded) has every event of every turn it
/// wrote; a killed one may have the start of its next turn and part of the monitor's last turn,
/// which are dropped (<see cref="Kept"/>, the own log's events to keep, is then not null) and done again.
/// </summary>
public sealed record ResumePoint(int Turns, int MonitorFrom, IReadOnlyList<RunEvent>? Kept)
{
    /// <summary>The resume point of <paramref name="history"/>.</summary>
    public static ResumePoint Of(RunHistory history)
    {
        var own = history.Own.Events;
        var fork = history.Fork?.Turn ?? 0;
        if (history.Fork is null && history.Manifest.ParentRunId is not null)
        {
            throw new InvalidInputException("the branch's log has lost its first event (BranchStarted): it cannot be continued", history.Folder.EventsPath, field: "events");
        }

        var stepped = history.Events.OfType<StateStepped>().Select(s => s.Turn).ToHashSet();
        var turns = fork;
        while (stepped.Contains(turns + 1))
        {
            turns++;
        }

        // The monitor's scores run up to the last turn before the first turn it has none for (a salvaged log may lack some in the middle).
        var scored = history.Events.Where(e => e.Lane == 1).Select(e => e.Turn).ToHashSet();
        var firstUnscored = fork + 1;
        while (firstUnscored <= turns && scored.Contains(firstUnscored))
        {
            firstUnscored++;
        }

        var monitored = firstUnscored <= turns ? firstUnscored - 1 : scored.DefaultIfEmpty(0).Max();

        // A salvaged log may hold turns (or lack scores) after a gap: it is continued from before the gap, as an unfinished one.
        var clean = own.LastOrDefault(e => e.Lane != RunEvent.RescoreLane) is RunEnded && !own.Any(e => e.Lane is 0 or 1 && e.Turn > turns) && firstUnscored > turns;
        var monitorFrom = Math.Min(turns + 1, Math.Max(fork + 1, clean ? monitored + 1 : monitored));
        if (clean)
        {
            return new ResumePoint(turns, monitorFrom, null);
        }

        var kept = own.Where(e => !(e.Lane == 0 && e.Turn > turns) && !(e.Lane == 1 && e.Turn >= monitorFrom) && !(e is RunEnded && e.Turn > turns)).ToList();
        return new ResumePoint(turns, monitorFrom, kept.Count == own.Count ? null : kept);
    }
}
