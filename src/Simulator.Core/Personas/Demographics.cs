namespace Simulator.Core.Personas;

/// <summary>Who the patient is. In a variant, null fields keep the base persona's value.</summary>
public sealed record Demographics
{
#pragma warning disable CS1591 // The names are the documentation.
    public int? Age { get; init; }
    public string? Gender { get; init; }
    public string? Pronouns { get; init; }
    public string? RaceEthnicity { get; init; }
    public string? Education { get; init; }
    public string? Occupation { get; init; }
    public string? LivingSituation { get; init; }
#pragma warning restore CS1591

    /// <summary>These demographics with the non-null fields of <paramref name="overrides"/> applied.</summary>
    public Demographics With(Demographics overrides) => new()
    {
        Age = overrides.Age ?? Age,
        Gender = overrides.Gender ?? Gender,
        Pronouns = overrides.Pronouns ?? Pronouns,
        RaceEthnicity = overrides.RaceEthnicity ?? RaceEthnicity,
        Education = overrides.Education ?? Education,
        Occupation = overrides.Occupation ?? Occupation,
        LivingSituation = overrides.LivingSituation ?? LivingSituation,
    };
}
