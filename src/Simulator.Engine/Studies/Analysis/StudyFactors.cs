using Simulator.Core.Runs;

namespace Simulator.Engine.Studies.Analysis;

/// <summary>
/// The factors a study crosses (DESIGN §9) and each run's level on them: <c>therapist</c> (model
/// reference), <c>style</c>, <c>protocol</c>, <c>guard</c> (<c>on</c> or <c>off</c>), <c>variant</c>
/// (<c>base</c> for the persona as written) and <c>persona</c>. Seeds are not a factor: runs that
/// differ only in seed are replicates.
/// </summary>
public static class StudyFactors
{
    /// <summary>The therapist's model reference.</summary>
    public const string Therapist = "therapist";

    /// <summary>The therapist's style.</summary>
    public const string Style = "style";

    /// <summary>The protocol id.</summary>
    public const string Protocol = "protocol";

    /// <summary>Guard mode, <c>on</c> or <c>off</c>.</summary>
    public const string Guard = "guard";

    /// <summary>The persona's demographic variant, <c>base</c> for none.</summary>
    public const string Variant = "variant";

    /// <summary>The persona id.</summary>
    public const string Persona = "persona";

    /// <summary>The level <c>variant</c> takes for a persona run as written.</summary>
    public const string BaseVariant = "base";

    /// <summary>The factors, in the order they are reported.</summary>
    public static IReadOnlyList<string> All { get; } = [Therapist, Style, Protocol, Guard, Variant, Persona];

    /// <summary>
    /// The factors that are treatments, what a study asks about (the therapist and how it is run); the
    /// patients (persona, variant) are the case mix. Summaries show the treatments' contrasts first, and
    /// only theirs when there are any; <c>contrasts.csv</c> has every factor's.
    /// </summary>
    public static IReadOnlyList<string> Treatments { get; } = [Therapist, Style, Protocol, Guard];

    /// <summary>The contrasts a summary shows: the treatments', or every factor's when the study varies no treatment (and two studies' comparison).</summary>
    public static IEnumerable<Contrast> Shown(IReadOnlyList<Contrast> contrasts)
    {
        ArgumentNullException.ThrowIfNull(contrasts);
        return contrasts.Any(c => Treatments.Contains(c.Factor)) ? contrasts.Where(c => Treatments.Contains(c.Factor) || c.Factor == "study") : contrasts;
    }

    /// <summary>The level of each factor in <paramref name="configuration"/>.</summary>
    public static IReadOnlyDictionary<string, string> Levels(RunConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Therapist] = configuration.Therapist,
            [Style] = configuration.Style,
            [Protocol] = configuration.Protocol,
            [Guard] = configuration.Guard ? "on" : "off",
            [Variant] = configuration.Variant ?? BaseVariant,
            [Persona] = configuration.Persona,
        };
    }
}
