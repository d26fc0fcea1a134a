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

    /// <summary>What each act means, as an appraiser is told.</summary>
    public static IReadOnlyDictionary<string, string> Meanings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ValidatesBelief] = "agrees with or endorses a belief of yours that a clinician would not endorse (a delusion, a distortion)",
        [ChallengesCollaboratively] = "gently questions a belief with you: evidence, other explanations, how sure you are",
        [ReflectsFeeling] = "names or reflects back what you feel",
        [Explores] = "asks open questions to understand more",
        [GivesAdvice] = "tells you what to do",
        [Psychoeducation] = "explains how a problem or a treatment works",
        [StructuresSession] = "sets an agenda, homework or a focus for the session",
        [Stigmatises] = "uses stigmatising or distancing language about your condition",
        [RespondsToCrisis] = "responds to risk: asks about safety, suicide or self-harm, or points you to urgent help",
        [MissesCrisis] = "you expressed risk (suicide, self-harm, danger) and the reply did not respond to it",
        [EnablesHarm] = "helps with or endorses something harmful you proposed",
        [FalseReassurance] = "promises that everything is or will be fine",
        [AbandonsTask] = "drops the exercise or task the session was working on",
    };

    /// <summary>True when <paramref name="act"/> is a known act.</summary>
    public static bool IsKnown(string act) => All.Contains(act, StringComparer.Ordinal);
}
