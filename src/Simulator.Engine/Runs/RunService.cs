using Simulator.Core.Personas;
using Simulator.Core.Runs;
using Simulator.Core.Validation;
using Simulator.Engine.Sessions;
using Simulator.Storage.Catalogs;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Runs;

/// <summary>
/// Runs: a new session, or a study's session started or continued. The entry point of the run
/// services, each with one job: <see cref="RunResolver"/> (checks and resolves a configuration),
/// <see cref="SessionRunner"/> (runs a session into its folder), <see cref="RunResumer"/>,
/// <see cref="RunBrancher"/> and <see cref="RunVerifier"/>; their operations are also reachable from
/// here for callers that hold only this service. Cancellation stops after the turn in progress is
/// abandoned; every completed turn stays saved.
/// </summary>
public sealed class RunService(RunResolver resolver, SessionRunner runner, RunResumer resumer, RunBrancher brancher, RunVerifier verifier)
{
    /// <summary>The most sessions a course may have.</summary>
    public const int MaxSessions = RunResolver.MaxSessions;

    /// <inheritdoc cref="RunResolver.Resolve"/>
    public (SessionPlan Plan, CatalogEntry<Persona> Persona, CatalogEntry<Core.Protocols.Protocol> Protocol) Resolve(RunConfiguration config) => resolver.Resolve(config);

    /// <summary>Runs a new session into <paramref name="runsRoot"/> (default: the configured runs folder).</summary>
    public Task<RunResult> RunAsync(RunConfiguration config, string? runsRoot, CancellationToken cancellationToken) =>
        RunAsync(config, runsRoot, RunWatch.None, cancellationToken);

    /// <summary>
    /// Runs a new session into <paramref name="runsRoot"/>, in the folder <paramref name="watch"/> names
    /// (default: a new time-stamped id), showing it each event as it is saved.
    /// </summary>
    public Task<RunResult> RunAsync(RunConfiguration config, string? runsRoot, RunWatch watch, CancellationToken cancellationToken)
    {
        var (plan, persona, protocol) = resolver.Resolve(config);
        return runner.StartNewAsync(runner.Store(runsRoot), plan, persona, protocol, watch, cancellationToken);
    }

    /// <inheritdoc cref="RunResumer.ResumeAsync(string, string?, CancellationToken)"/>
    public Task<RunResult> ResumeAsync(string run, string? runsRoot, CancellationToken cancellationToken) =>
        resumer.ResumeAsync(run, runsRoot, cancellationToken);

    /// <inheritdoc cref="RunBrancher.BranchAsync"/>
    public Task<RunResult> BranchAsync(string parentRun, int at, BranchEdits edits, string? runsRoot, CancellationToken cancellationToken) =>
        brancher.BranchAsync(parentRun, at, edits, runsRoot, cancellationToken);

    /// <inheritdoc cref="RunVerifier.VerifyAsync"/>
    public Task<VerifyResult> VerifyAsync(string run, string? runsRoot, CancellationToken cancellationToken) =>
        verifier.VerifyAsync(run, runsRoot, cancellationToken);

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
                    var repair = await RunRepair.RepairAsync(runner.Store(runsRoot), folder, salvage: false).ConfigureAwait(false);
                    runner.LogRecovered(folder.RunId, string.Join("; ", repair.Done));
                }
                else
                {
                    Directory.Delete(folder.Path, recursive: true);
                }
            }
        }

        return File.Exists(folder.ManifestPath)
            ? await resumer.ResumeAsync(watch.RunId, runsRoot, watch, salvage: false, cancellationToken).ConfigureAwait(false)
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
}
