namespace Simulator.Core.Personas;

/// <summary>A demographic variant of a persona: same pathology, other demographics.</summary>
public sealed record PersonaVariant
{
    /// <summary>Kebab-case id, unique within the persona.</summary>
    public string Id { get; init; } = "";

    /// <summary>The demographic fields this variant changes.</summary>
    public Demographics Demographics { get; init; } = new();
}
