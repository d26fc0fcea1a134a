using System.Globalization;
using Simulator.Core.Validation;
using Simulator.Storage.EventLog;
using Simulator.Storage.Files;

namespace Simulator.Storage.Runs;

/// <summary>
/// <c>runs repair</c>: makes a run folder whole again from its log. An unfinished rewrite left as
/// <c>events.msgpack.rewrite</c> with no log beside it is moved into place; a log with mid-file damage
/// is rewritten with every readable event when salvage is asked for (the original kept as a backup),
/// and refused otherwise; a missing, unreadable or stale manifest is rebuilt from the log (an
/// unreadable one kept as a backup). Every step taken is reported; nothing is removed.
/// </summary>
public static class RunRepair
{
    /// <summary>What a repair did, and the manifest it left.</summary>
    public sealed record Report(RunFolder Folder, RunManifest Manifest, IReadOnlyList<string> Done);

    /// <summary>Repairs <paramref name="folder"/> of <paramref name="store"/>; the caller holds the run's lock.</summary>
    /// <exception cref="InvalidInputException">The folder has nothing to rebuild from, or damage that needs <paramref name="salvage"/>.</exception>
    public static async Task<Report> RepairAsync(RunStore store, RunFolder folder, bool salvage)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(folder);
        var done = new List<string>();
        var rewrite = folder.EventsPath + ".rewrite";
        if (!File.Exists(folder.EventsPath) && File.Exists(rewrite))
        {
            AtomicFile.Commit(rewrite, folder.EventsPath);
            done.Add("moved events.msgpack.rewrite (a rewrite interrupted before it was renamed into place) to events.msgpack");
        }

        var (previous, manifestProblem) = ReadManifest(folder);
        if (!File.Exists(folder.EventsPath))
        {
            return previous is not null
                ? new Report(folder, previous, [.. done, "the run has no log yet (killed as it started): 'simulator resume' writes its opening from the manifest"])
                : throw new InvalidInputException("the folder has neither a readable manifest nor an event log: there is nothing to rebuild the run from", folder.Path, field: "run");
        }

        var own = EventLogReader.Read(folder.EventsPath, salvage: true);
        if (own.Damage.Count > 0)
        {
            if (!salvage)
            {
                throw EventLogReader.Damaged(folder.EventsPath, own);
            }

            var backup = await EventLogWriter.RewriteAsync(folder.EventsPath, own.Events).ConfigureAwait(false);
            done.Add(string.Create(CultureInfo.InvariantCulture, $"rewrote events.msgpack with the {own.Events.Count} readable events ({string.Join("; ", own.Damage.Select(d => d.Describe()))}); the original is kept as {Path.GetFileName(backup)}"));
            own = EventLogReader.Read(folder.EventsPath);
        }

        var rebuilt = ManifestRecovery.Rebuild(store, folder, own, previous);
        if (previous is null || manifestProblem is not null || Stale(previous, rebuilt, done.Count > 0))
        {
            var kept = manifestProblem is not null ? LogBackup.Keep(folder.ManifestPath) : null;
            var why = previous is null && manifestProblem is null ? "manifest.json was missing"
                : manifestProblem is not null ? $"manifest.json could not be read ({manifestProblem}; kept as {Path.GetFileName(kept)})"
                : "manifest.json did not match the log";
            RunStore.WriteManifest(folder, rebuilt);
            done.Add(string.Create(CultureInfo.InvariantCulture, $"{why}: rebuilt it from events.msgpack ({rebuilt.Configuration.Persona}, {rebuilt.Configuration.Therapist}, {rebuilt.TurnsCompleted} turns, status {rebuilt.Status})"));
            return new Report(folder, rebuilt, done);
        }

        return new Report(folder, previous, done.Count > 0 ? done : ["manifest.json and events.msgpack are sound and agree: nothing to repair"]);
    }

    private static (RunManifest? Manifest, string? Problem) ReadManifest(RunFolder folder)
    {
        if (!File.Exists(folder.ManifestPath))
        {
            return (null, null);
        }

        try
        {
            return (RunStore.ReadManifest(folder), null);
        }
        catch (Exception ex) when (ex is InvalidInputException or IOException or UnauthorizedAccessException)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>True when the manifest contradicts the log: another run id or configuration, or (after a salvage) other turns.</summary>
    private static bool Stale(RunManifest manifest, RunManifest fromLog, bool logRewritten) =>
        manifest.RunId != fromLog.RunId
        || manifest.Configuration != fromLog.Configuration
        || manifest.ParentRunId != fromLog.ParentRunId
        || manifest.ParentTurn != fromLog.ParentTurn
        || (logRewritten && (manifest.TurnsCompleted != fromLog.TurnsCompleted || manifest.ContentHash != fromLog.ContentHash))
        || (manifest.Status == RunStatus.Completed && fromLog.Status != RunStatus.Completed);
}
