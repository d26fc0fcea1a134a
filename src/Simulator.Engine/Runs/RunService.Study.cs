using Microsoft.Extensions.Logging;
using Simulator.Core.Runs;
using Simulator.Core.Validation;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Runs;

public sealed partial class RunService
{
    /// <summary>
    /// Runs a study's session in <paramref name="runsRoot"/>, in the folder <paramref name="watch"/>
    /// names: continued from its log when the folder holds a run (at once, when it is already complete),
    /// otherwise started afresh. A folder left without a manifest (by an earlier version killed as the
    /// run started, or a manifest removed) is recovered from its log when the log holds any event, and
    /// removed only when it holds none. This is what every executor does with a job, so a run moved to
    /// another node after a crash loses nothing and repeats no turn.
    /// </summary>
    public async Task<RunResult> RunOrContinueAsync(RunConfiguration config, string runsRoot, RunWatch watch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentException.ThrowIfNullOrEmpty(watch.RunId);
        var folder = new RunFolder(watch.RunId, Path.Combine(runsRoot, watch.RunId));
        if (!File.Exists(folder.ManifestPath) && Directory.Exists(folder.Path))
        {
            // Still being created by another process holding its lock: refused, not touched under it.
            using (RunLock.Take(folder))
            {
                if (HoldsEvents(folder))
                {
                    var repair = await RunRepair.RepairAsync(Store(runsRoot), folder, salvage: false).ConfigureAwait(false);
                    LogRecovered(folder.RunId, string.Join("; ", repair.Done));
                }
                else
                {
                    Directory.Delete(folder.Path, recursive: true);
                }
            }
        }

        return File.Exists(folder.ManifestPath)
            ? await ResumeAsync(watch.RunId, runsRoot, watch, salvage: false, cancellationToken).ConfigureAwait(false)
            : await RunAsync(config, runsRoot, watch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the folder's log (or an unfinished rewrite of it) holds at least one event.</summary>
    private static bool HoldsEvents(RunFolder folder)
    {
        foreach (var path in new[] { folder.EventsPath, folder.EventsPath + ".rewrite" })
        {
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                if (EventLogReader.Read(path, salvage: true).Events.Count > 0)
                {
                    return true;
                }
            }
            catch (InvalidInputException)
            {
                // Not a log at all: kept, and the run reported, rather than removed.
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} had no manifest: {Repair}")]
    private partial void LogRecovered(string runId, string repair);
}
