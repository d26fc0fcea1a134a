using Simulator.Core.Events;
using Simulator.Core.Transcripts;
using Simulator.Core.Validation;
using Simulator.Storage.EventLog;

namespace Simulator.Storage.Runs;

/// <summary>
/// Rebuilds a run's manifest from its log, the source of truth: the configuration and file hashes
/// from its first event (<see cref="RunStarted"/>, or <see cref="BranchStarted"/> with the parent and
/// fork turn), its status, turns, content hash and usage from the rest. The persona and protocol
/// files are named by the ids the configuration gives unless an earlier manifest knew the paths.
/// </summary>
public static class ManifestRecovery
{
    /// <summary>The manifest of <paramref name="folder"/> as its log <paramref name="own"/> says; <paramref name="previous"/> (if readable) lends the file paths.</summary>
    /// <exception cref="InvalidInputException">The log does not start with the run's configuration.</exception>
    public static RunManifest Rebuild(RunStore store, RunFolder folder, LogContents own, RunManifest? previous)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(own);
        var manifest = own.Events.FirstOrDefault() switch
        {
            RunStarted s => new RunManifest
            {
                CreatedAt = s.At,
                Configuration = s.Configuration,
                PersonaHash = s.PersonaHash,
                ProtocolHash = s.ProtocolHash,
            },
            BranchStarted b => new RunManifest
            {
                CreatedAt = b.At,
                Configuration = b.Configuration,
                PersonaHash = b.PersonaHash,
                ProtocolHash = b.ProtocolHash,
                ParentRunId = b.ParentRunId,
                ParentTurn = b.Turn,
            },
            _ => throw new InvalidInputException(
                "the log does not start with the run's configuration (RunStarted or BranchStarted), so the manifest cannot be rebuilt from it",
                folder.EventsPath,
                field: "events"),
        };

        manifest = manifest with
        {
            RunId = folder.RunId,
            PersonaFile = previous?.PersonaFile is { Length: > 0 } pf ? pf : manifest.Configuration.Persona,
            ProtocolFile = previous?.ProtocolFile is { Length: > 0 } qf ? qf : manifest.Configuration.Protocol,
        };
        var events = RunHistory.Load(store, folder, manifest, own).Events;
        var transcript = RunTranscript.From(events);
        var ended = own.Events.LastOrDefault(e => e.Lane != RunEvent.RescoreLane) as RunEnded;

        // An end with turns (or the monitor's scores of turns) missing before it, as a salvaged log may have, is
        // no end: the run is continued from the gap.
        var steps = events.OfType<StateStepped>().Select(s => s.Turn).Where(t => t > 0).ToHashSet();
        var scored = events.Where(e => e.Lane == 1).Select(e => e.Turn).ToHashSet();
        if (ended is not null && !(steps.Count == ended.Turn && Enumerable.Range(1, ended.Turn).All(t => steps.Contains(t) && scored.Contains(t))))
        {
            ended = null;
        }

        return manifest with
        {
            UpdatedAt = own.Events.Count == 0 ? manifest.CreatedAt : own.Events.Max(e => e.At),
            Status = ended?.Reason switch
            {
                null => RunStatus.Interrupted,
                RunEnded.Reasons.Cancelled => RunStatus.Cancelled,
                RunEnded.Reasons.Error => RunStatus.Failed,
                _ => RunStatus.Completed,
            },
            TurnsCompleted = transcript.Turns.Count,
            ContentHash = ended is null ? null : ContentHash.Of(events, EventSerializer.Serialize),
            EndReason = ended?.Reason,
            Error = ended?.Message,
            Usage = RoleUsage.Of(events),
        };
    }
}
