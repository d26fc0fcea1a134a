namespace Simulator.Core.Personas;

/// <summary>The diagnosis side of a persona.</summary>
public sealed record Condition
{
    /// <summary>Kebab-case id of the primary condition, e.g. <c>persecutory-delusion</c>.</summary>
    public string Primary { get; init; } = "";

    /// <summary>Comorbid conditions.</summary>
    public IReadOnlyList<string> Comorbid { get; init; } = [];

    /// <summary>Whether the patient knows their diagnosis.</summary>
    public bool DiagnosisKnown { get; init; }

    /// <summary>Medication, in words.</summary>
    public string Medication { get; init; } = "";

    /// <summary><c>none</c>, <c>partial</c> or <c>full</c>.</summary>
    public string Adherence { get; init; } = "";
}
