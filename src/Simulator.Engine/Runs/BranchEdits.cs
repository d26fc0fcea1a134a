using System.Collections.Immutable;

namespace Simulator.Engine.Runs;

/// <summary>
/// What a branch changes (DESIGN §7): the therapist's model, protocol or style, guard mode, a
/// patient message put in at the turn after the fork, state variables set there, and how many turns
/// of its own it runs (by default, as many as its parent had left).
/// </summary>
public sealed record BranchEdits
{
    /// <summary>The therapist's model reference, or null to keep the parent's.</summary>
    public string? Therapist { get; init; }

    /// <summary>The protocol id, or null to keep the parent's.</summary>
    public string? Protocol { get; init; }

    /// <summary>The therapist's style, or null to keep the parent's.</summary>
    public string? Style { get; init; }

    /// <summary>Guard mode on or off, or null to keep the parent's.</summary>
    public bool? Guard { get; init; }

    /// <summary>The patient's message at the turn after the fork, in place of the patient model's.</summary>
    public string? InjectPatient { get; init; }

    /// <summary>State variables set at the turn after the fork.</summary>
    public ImmutableSortedDictionary<string, double> SetState { get; init; } = ImmutableSortedDictionary<string, double>.Empty;

    /// <summary>Turns the branch runs after the fork, or null for the parent's remaining turns.</summary>
    public int? Turns { get; init; }
}
