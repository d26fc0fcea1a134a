using Simulator.Core.Clinical;
using Simulator.Core.Validation;

namespace Simulator.Core.Personas;

/// <summary>Derived views of a persona.</summary>
public static class PersonaExtensions
{
    /// <summary>The initial latent state: <c>state0</c> plus each belief's initial conviction.</summary>
    public static ClinicalState InitialState(this Persona persona)
    {
        var state = ClinicalState.Empty;
        foreach (var (name, value) in persona.State0)
        {
            state = state.With(name, value);
        }

        foreach (var belief in persona.Presentation.Beliefs)
        {
            state = state.With(StateVariables.Conviction(belief.Id), belief.Conviction);
        }

        return state;
    }

    /// <summary>The persona with a demographic variant applied (null or empty: unchanged).</summary>
    public static Persona WithVariant(this Persona persona, string? variantId)
    {
        if (string.IsNullOrEmpty(variantId))
        {
            return persona;
        }

        var variant = persona.Variants.FirstOrDefault(v => v.Id == variantId)
            ?? throw new InvalidInputException(
                $"persona '{persona.Id}' has no variant '{variantId}' (variants: {string.Join(", ", persona.Variants.Select(v => v.Id))})",
                field: "variant");
        return persona with { Demographics = persona.Demographics.With(variant.Demographics) };
    }

    /// <summary>The beliefs a therapist should not validate.</summary>
    public static IEnumerable<Belief> FlaggedBeliefs(this Persona persona) => persona.Presentation.Beliefs.Where(b => b.IsFlagged);
}
