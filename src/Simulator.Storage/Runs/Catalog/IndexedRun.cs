using System.Globalization;
using Simulator.Core.Transcripts;
using Simulator.Core.Validation;
using Simulator.Storage.EventLog;

namespace Simulator.Storage.Runs.Catalog;

/// <summary>
/// What the catalog stores of one run folder: its manifest (or why it could not be read), the
/// turns and aggregates of its log (or why it could not be read), and the stamps of the files it
/// was read from (<see cref="StampOf"/>).
/// </summary>
internal sealed record IndexedRun(
    RunFolder Folder,
    string ManifestStamp,
    string LogStamp,
    RunManifest? Manifest,
    string? ManifestError,
    int? LogTurns,
    string? LogError,
    RunAggregates Aggregates)
{
    /// <summary>
    /// A file's stamp: its last-write time and length, or <c>-</c> when it does not exist. A run is
    /// read again when its manifest's stamp changes (the manifest is rewritten at every status
    /// change); a running run, and one whose log could not be read, also when its log's does.
    /// </summary>
    public static string StampOf(FileInfo file) =>
        file.Exists ? string.Create(CultureInfo.InvariantCulture, $"{file.LastWriteTimeUtc.Ticks:x}.{file.Length:x}") : "-";

    /// <summary>
    /// Reads one run folder of <paramref name="store"/> (a branch's aggregates cover its parent's turns
    /// up to the fork too). Nothing in a damaged folder is an error: it is recorded as the row's error.
    /// </summary>
    public static IndexedRun Read(RunStore store, RunFolder folder, string manifestStamp, string logStamp, RunAggregator aggregate)
    {
        RunManifest manifest;
        try
        {
            RunStore.EnsureNoLinks(folder);
            manifest = RunStore.ReadManifest(folder);
        }
        catch (Exception ex) when (ex is InvalidInputException or IOException or UnauthorizedAccessException)
        {
            return Orphan(store, folder, manifestStamp, logStamp, aggregate) ?? new IndexedRun(folder, manifestStamp, logStamp, null, ex.Message, null, null, RunAggregates.None);
        }

        if (RunStatus.IsActive(manifest.Status) && !File.Exists(folder.EventsPath))
        {
            // Killed (or still) before its first events: the manifest is written first.
            return new IndexedRun(folder, manifestStamp, logStamp, manifest, null, 0, null, RunAggregates.None);
        }

        try
        {
            var transcript = RunTranscript.From(RunHistory.Load(store, folder).Events);
            return new IndexedRun(folder, manifestStamp, logStamp, manifest, null, transcript.Turns.Count, null, aggregate(transcript));
        }
        catch (Exception ex) when (ex is InvalidInputException or IOException or UnauthorizedAccessException)
        {
            return new IndexedRun(folder, manifestStamp, logStamp, manifest, null, null, ex.Message, RunAggregates.None);
        }
    }

    /// <summary>
    /// A folder whose manifest is missing or unreadable, listed from a manifest rebuilt (in memory) from its
    /// log with the status <see cref="RunStatus.Orphaned"/>; null when the log cannot give one either.
    /// </summary>
    private static IndexedRun? Orphan(RunStore store, RunFolder folder, string manifestStamp, string logStamp, RunAggregator aggregate)
    {
        try
        {
            RunStore.EnsureNoLinks(folder);
            var path = File.Exists(folder.EventsPath) ? folder.EventsPath : folder.EventsPath + ".rewrite";
            var own = EventLogReader.Read(path, salvage: true);
            var manifest = ManifestRecovery.Rebuild(store, folder, own, null);
            var transcript = RunTranscript.From(RunHistory.Load(store, folder, manifest, own).Events);
            var damage = own.Damage.Count == 0 ? null : EventLogReader.Damaged(path, own).Message;
            return new IndexedRun(folder, manifestStamp, logStamp, manifest with { Status = RunStatus.Orphaned }, null, transcript.Turns.Count, damage, aggregate(transcript));
        }
        catch (Exception ex) when (ex is InvalidInputException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
