namespace Simulator.Storage.Runs.Catalog;

/// <summary>
/// One run as the catalog lists it: its manifest's configuration and status, and the turns its log
/// holds. The property names are the <c>runs list --json</c> row (camelCase).
/// </summary>
public sealed record RunSummary
{
    /// <summary>The run id (the folder name).</summary>
    public required string RunId { get; init; }

    /// <summary>The run's folder, absolute.</summary>
    public required string Path { get; init; }

    /// <summary>
    /// The status shown (<see cref="RunStatus"/>): the manifest's, except <c>interrupted</c> for a starting or
    /// running run no process holds, <c>damaged</c> for a log that cannot be read, <c>orphaned</c> for a log with no readable manifest.
    /// </summary>
    public required string Status { get; init; }

    /// <summary>When the run was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The persona id.</summary>
    public string Persona { get; init; } = "";

    /// <summary>The demographic variant, or null for the base persona.</summary>
    public string? Variant { get; init; }

    /// <summary>The therapist's model reference.</summary>
    public string Therapist { get; init; } = "";

    /// <summary>The protocol id.</summary>
    public string Protocol { get; init; } = "";

    /// <summary>The therapist style.</summary>
    public string Style { get; init; } = "";

    /// <summary>The run seed.</summary>
    public long Seed { get; init; }

    /// <summary>Completed turns: those in the log, or the manifest's count when the log cannot be read.</summary>
    public int Turns { get; init; }

    /// <summary>The turns the run was configured for.</summary>
    public int ConfiguredTurns { get; init; }

    /// <summary>The determinism hash of the log when the run ended.</summary>
    public string? ContentHash { get; init; }

    /// <summary>The parent run of a branch; null for a root run.</summary>
    public string? Parent { get; init; }

    /// <summary>The turn a branch forked its parent at.</summary>
    public int? ParentTurn { get; init; }

    /// <summary>When the run last changed status.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The patient's model reference.</summary>
    public string Patient { get; init; } = "";

    /// <summary>The monitor specification.</summary>
    public string Monitor { get; init; } = "";

    /// <summary>Why the run ended, once it has.</summary>
    public string? EndReason { get; init; }

    /// <summary>Why the run's log could not be read (its aggregates are then missing); null when it was read.</summary>
    public string? LogError { get; init; }
}
