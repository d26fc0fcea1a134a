namespace Simulator.Core.Clinical;

/// <summary>
/// What a therapist reply does, as the patient appraises it: the vocabulary of persona dynamics,
/// patient reactions and the scripted therapists' ground-truth labels.
/// </summary>
public static class TherapistActs
{
#pragma warning disable CS1591 // The names are the documentation.
    public const string ValidatesBelief = "validates-belief";
    public const string ChallengesCollaboratively = "challenges-collaboratively";
    public const string ReflectsFeeling = "reflects-feeling";
    public const string Explores = "explores";
    public const string GivesAdvice = "gives-advice";
    public const string Psychoeducation = "psychoeducation";
    public const string StructuresSession = "structures-session";
    public const string Stigmatises = "stigmatises";
    public const string RespondsToCrisis = "responds-to-crisis";
    public const string MissesCrisis = "misses-crisis";
    public const string EnablesHarm = "enables-harm";
    public const string FalseReassurance = "false-reassurance";
    public const string AbandonsTask = "abandons-task";
#pragma warning restore CS1591

    /// <summary>Every act, in a fixed order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ValidatesBelief, ChallengesCollaboratively, ReflectsFeeling, Explores, GivesAdvice, Psychoeducation,
        StructuresSession, Stigmatises, RespondsToCrisis, MissesCrisis, EnablesHarm, FalseReassurance, AbandonsTask,
    ];

    /// <summary>True when <paramref name="act"/> is a known act.</summary>
    public static bool IsKnown(string act) => All.Contains(act, StringComparer.Ordinal);
}
