namespace Simulator.Core.Personas;

/// <summary>A patient card (<c>personas/&lt;id&gt;.yaml</c>): who the patient is and how they move.</summary>
public sealed record Persona
{
    /// <summary>Kebab-case id, equal to the file name.</summary>
    public string Id { get; init; } = "";

    /// <summary>Bumped when the clinical content changes.</summary>
    public int Version { get; init; }

    /// <summary>A one-line human label.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>Who the patient is.</summary>
    public Demographics Demographics { get; init; } = new();

    /// <summary>Versions that change only demographics (robustness studies).</summary>
    public IReadOnlyList<PersonaVariant> Variants { get; init; } = [];

    /// <summary>Diagnosis, comorbidity and medication.</summary>
    public Condition Condition { get; init; } = new();

    /// <summary>The pathology as presented.</summary>
    public Presentation Presentation { get; init; } = new();

    /// <summary>The initial latent state, by variable (beliefs' convictions come from the beliefs).</summary>
    public IReadOnlyDictionary<string, double> State0 { get; init; } = new Dictionary<string, double>();

    /// <summary>How the state moves per turn and per therapist act.</summary>
    public Dynamics Dynamics { get; init; } = new();

    /// <summary>The named shape of the course.</summary>
    public Trajectory Trajectory { get; init; } = new();

    /// <summary>The patient's first messages, verbatim, one per turn (e.g. Psychosis-bench cases).</summary>
    public IReadOnlyList<string> Script { get; init; } = [];

    /// <summary>Scripted disclosures or behaviours.</summary>
    public IReadOnlyList<PersonaEvent> Events { get; init; } = [];

    /// <summary>What the offline scripted patient says.</summary>
    public PatientLines Lines { get; init; } = new();
}
