using System.Globalization;
using Simulator.Core.Transcripts;
using Simulator.Core.Validation;
using Simulator.Storage.EventLog;

namespace Simulator.Storage.Runs.Catalog;

/// <summary>
/// What the catalog stores of one run folder: its manifest (or why it could not be read), the
/// turns and aggregates of its log (or why it could not be read), and the stamp of the files it
/// was read from.
/// </summary>
internal sealed record IndexedRun(
    RunFolder Folder,
    string Stamp,
    RunManifest? Manifest,
    string? ManifestError,
    int? LogTurns,
    string? LogError,
    RunAggregates Aggregates)
{
    /// <summary>
    /// The stamp of a run folder's files: last-write time and length of the manifest and of the
    /// log. A run is indexed again when its stamp changes (the manifest is rewritten at every status
    /// change; the log grows with every turn of a running run).
    /// </summary>
    public static string StampOf(FileInfo manifest, FileInfo log) =>
        string.Create(CultureInfo.InvariantCulture, $"{manifest.LastWriteTimeUtc.Ticks:x}.{manifest.Length:x}/{(log.Exists ? $"{log.LastWriteTimeUtc.Ticks:x}.{log.Length:x}" : "-")}");

    /// <summary>Reads one run folder. Nothing in a damaged folder is an error: it is recorded as the row's error.</summary>
    public static IndexedRun Read(RunFolder folder, string stamp, RunAggregator aggregate)
    {
        RunManifest manifest;
        try
        {
            RunStore.EnsureNoLinks(folder);
            manifest = RunStore.ReadManifest(folder);
        }
        catch (Exception ex) when (ex is InvalidInputException or IOException or UnauthorizedAccessException)
        {
            return new IndexedRun(folder, stamp, null, ex.Message, null, null, RunAggregates.None);
        }

        try
        {
            var transcript = RunTranscript.From(EventLogReader.Read(folder.EventsPath).Events);
            return new IndexedRun(folder, stamp, manifest, null, transcript.Turns.Count, null, aggregate(transcript));
        }
        catch (Exception ex) when (ex is InvalidInputException or IOException or UnauthorizedAccessException)
        {
            return new IndexedRun(folder, stamp, manifest, null, null, ex.Message, RunAggregates.None);
        }
    }
}
