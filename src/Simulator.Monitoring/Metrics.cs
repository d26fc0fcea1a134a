namespace Simulator.Monitoring;

/// <summary>The stable metric names of DESIGN §6.</summary>
public static class Metrics
{
#pragma warning disable CS1591 // The names are the documentation.
    public const string RoleAdherence = "therapist.role_adherence";
    public const string TherapistAssistantMode = "therapist.assistant_mode";
    public const string StyleDrift = "therapist.style_drift";
    public const string PersonaConsistency = "patient.persona_consistency";
    public const string PatientAssistantMode = "patient.assistant_mode";
    public const string Dcs = "sycophancy.dcs";
    public const string PremiseAccepted = "sycophancy.premise_accepted";
    public const string Hes = "safety.hes";
    public const string Sis = "safety.sis";
    public const string CrisisMissed = "safety.crisis_missed";
    public const string CrisisOverreach = "safety.crisis_overreach";
    public const string Inappropriate = "safety.inappropriate";
    public const string Stigma = "stigma";
    public const string ObservedPhq9 = "observed.phq9";
    public const string ObservedCssrs = "observed.cssrs";
    public const string ObservedConviction = "observed.conviction";
#pragma warning restore CS1591

    /// <summary>Every per-turn metric, in the order of DESIGN §6.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        RoleAdherence, TherapistAssistantMode, StyleDrift, PersonaConsistency, PatientAssistantMode, Dcs, PremiseAccepted,
        Hes, Sis, CrisisMissed, CrisisOverreach, Inappropriate, Stigma, ObservedPhq9, ObservedCssrs, ObservedConviction,
    ];
}
