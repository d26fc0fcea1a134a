namespace Simulator.Core.Personas;

/// <summary>The CBT cognitive conceptualisation (Patient-Ψ).</summary>
public sealed record CognitiveModel
{
#pragma warning disable CS1591 // The names are the documentation.
    public IReadOnlyList<string> CoreBeliefs { get; init; } = [];
    public IReadOnlyList<string> IntermediateBeliefs { get; init; } = [];
    public IReadOnlyList<string> AutomaticThoughts { get; init; } = [];
    public IReadOnlyList<string> Coping { get; init; } = [];
#pragma warning restore CS1591
}
