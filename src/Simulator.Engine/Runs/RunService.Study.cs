using Simulator.Core.Runs;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Runs;

public sealed partial class RunService
{
    /// <summary>
    /// Runs a study's session in <paramref name="runsRoot"/>, in the folder <paramref name="watch"/>
    /// names: continued from its log when the folder holds a run (at once, when it is already complete),
    /// otherwise started afresh — a folder left without a manifest by a crash is not a run and is removed first.
    /// This is what every executor does with a job, so a run moved to another node after a crash loses
    /// nothing and repeats no turn.
    /// </summary>
    public Task<RunResult> RunOrContinueAsync(RunConfiguration config, string runsRoot, RunWatch watch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentException.ThrowIfNullOrEmpty(watch.RunId);
        var folder = new RunFolder(watch.RunId, Path.Combine(runsRoot, watch.RunId));
        if (File.Exists(folder.ManifestPath))
        {
            return ResumeAsync(watch.RunId, runsRoot, watch, cancellationToken);
        }

        if (Directory.Exists(folder.Path))
        {
            // Still being created by another process holding its lock: refused, not removed under it.
            using (RunLock.Take(folder))
            {
                Directory.Delete(folder.Path, recursive: true);
            }
        }

        return RunAsync(config, runsRoot, watch, cancellationToken);
    }
}
