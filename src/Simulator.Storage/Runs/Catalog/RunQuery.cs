namespace Simulator.Storage.Runs.Catalog;

/// <summary>
/// Which runs <see cref="RunCatalog.List"/> returns: every filter given must hold. Text filters
/// match exactly, or as a glob when they hold <c>*</c> or <c>?</c> (<c>scripted:*</c>).
/// </summary>
public sealed record RunQuery
{
    /// <summary>Every run, oldest first.</summary>
    public static RunQuery All { get; } = new();

    /// <summary>The persona id.</summary>
    public string? Persona { get; init; }

    /// <summary>The therapist's model reference.</summary>
    public string? Therapist { get; init; }

    /// <summary>The protocol id.</summary>
    public string? Protocol { get; init; }

    /// <summary>The status (<see cref="RunStatus"/>).</summary>
    public string? Status { get; init; }

    /// <summary>Branches of this run only.</summary>
    public string? Parent { get; init; }

    /// <summary>Runs created at or after this instant.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Runs created at or before this instant.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Conditions on session aggregates.</summary>
    public IReadOnlyList<AggregateCondition> Where { get; init; } = [];

    /// <summary>Keep only the N most recently created of the matching runs (still listed oldest first); null for all.</summary>
    public int? Limit { get; init; }
}
