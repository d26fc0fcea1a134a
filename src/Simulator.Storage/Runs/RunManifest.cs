using Simulator.Core.Runs;

namespace Simulator.Storage.Runs;

/// <summary>
/// <c>manifest.json</c>: the run's configuration snapshot, model references, seed, hashes of the
/// persona and protocol files, status and, once ended, the completed turns and content hash.
/// </summary>
public sealed record RunManifest
{
    /// <summary>The manifest format version.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>The run id (the folder name).</summary>
    public string RunId { get; init; } = "";

    /// <summary>When the run was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the run last changed status.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// <c>starting</c> (written first, before the log), <c>running</c>, <c>completed</c>, <c>cancelled</c>,
    /// <c>failed</c>, or <c>interrupted</c> (a manifest rebuilt from the log of a run that did not end).
    /// </summary>
    public string Status { get; init; } = RunStatus.Running;

    /// <summary>What the run does.</summary>
    public RunConfiguration Configuration { get; init; } = new();

    /// <summary>The persona file and the SHA-256 of its bytes.</summary>
    public string PersonaFile { get; init; } = "";

    /// <inheritdoc cref="PersonaFile" />
    public string PersonaHash { get; init; } = "";

    /// <summary>The protocol file and the SHA-256 of its bytes.</summary>
    public string ProtocolFile { get; init; } = "";

    /// <inheritdoc cref="ProtocolFile" />
    public string ProtocolHash { get; init; } = "";

    /// <summary>The parent run and fork turn of a branch; null for a root run.</summary>
    public string? ParentRunId { get; init; }

    /// <inheritdoc cref="ParentRunId" />
    public int? ParentTurn { get; init; }

    /// <summary>Completed turns when the manifest was last written.</summary>
    public int TurnsCompleted { get; init; }

    /// <summary>The determinism hash of the log when the run ended.</summary>
    public string? ContentHash { get; init; }

    /// <summary>Why the run ended (RunEnded reason), once it has.</summary>
    public string? EndReason { get; init; }

    /// <summary>The error that ended a failed run.</summary>
    public string? Error { get; init; }

    /// <summary>Model usage per role when the manifest was last written.</summary>
    public IReadOnlyList<Core.Transcripts.RoleUsage> Usage { get; init; } = [];
}

/// <summary>Run statuses.</summary>
public static class RunStatus
{
#pragma warning disable CS1591 // The names are the documentation.

    /// <summary>Written before anything else of a new run, so its folder is never without a manifest.</summary>
    public const string Starting = "starting";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";

    /// <summary>The manifest says starting or running but no process holds the run (it was killed); also written by <c>runs repair</c> for a log that did not end.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>Shown, never written: the run's log has damage that valid frames follow, or cannot be read.</summary>
    public const string Damaged = "damaged";

    /// <summary>Shown, never written: the folder has a log but no readable manifest (<c>runs repair</c> rebuilds it).</summary>
    public const string Orphaned = "orphaned";

    /// <summary>True for a status a process writes while it works on the run (<see cref="Starting"/>, <see cref="Running"/>).</summary>
    public static bool IsActive(string status) => status is Starting or Running;
#pragma warning restore CS1591
}
