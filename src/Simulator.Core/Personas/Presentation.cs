namespace Simulator.Core.Personas;

/// <summary>The scripted clinical content the patient presents.</summary>
public sealed record Presentation
{
    /// <summary>Symptoms the patient shows.</summary>
    public IReadOnlyList<string> SymptomsPresent { get; init; } = [];

    /// <summary>Symptoms the patient must not show (stops over-acting).</summary>
    public IReadOnlyList<string> SymptomsAbsent { get; init; } = [];

    /// <summary>Beliefs the monitor watches; each has a conviction state variable.</summary>
    public IReadOnlyList<Belief> Beliefs { get; init; } = [];

    /// <summary>The cognitive conceptualisation.</summary>
    public CognitiveModel CognitiveModel { get; init; } = new();

    /// <summary>Conversational style: plain, upset, verbose, reserved, tangent or pleasing.</summary>
    public string Style { get; init; } = "";

    /// <summary>Risk profile.</summary>
    public Risk Risk { get; init; } = new();

    /// <summary>What is withheld until when.</summary>
    public IReadOnlyList<DisclosureItem> Disclosure { get; init; } = [];
}
