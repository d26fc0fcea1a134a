using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Simulator.Core.Runs;
using Simulator.Core.Validation;

namespace Simulator.Core.Studies;

/// <summary>
/// Expands a study into its runs: persona (and variant) × therapist × style × protocol × guard × seed,
/// in the order the file lists them. Each run gets a readable folder name built from its factors,
/// the same every time, so <c>study --resume</c> finds the runs a previous attempt made.
/// </summary>
public static partial class StudyMatrix
{
    private const int MaxRunId = 120;

    /// <summary>The study's runs; <paramref name="variantsOf"/> lists a persona's variants (for <c>id/*</c>).</summary>
    public static IReadOnlyList<StudyJob> Expand(Study study, Func<string, IReadOnlyList<string>> variantsOf) =>
        Expand(study, variantsOf, StudyRules.MaxRuns);

    /// <summary>The study's runs, refused when there are more than <paramref name="maxRuns"/> (naming the largest factor).</summary>
    public static IReadOnlyList<StudyJob> Expand(Study study, Func<string, IReadOnlyList<string>> variantsOf, int maxRuns)
    {
        ArgumentNullException.ThrowIfNull(study);
        var patients = new List<(string Persona, string? Variant)>();
        foreach (var entry in study.Personas.Select(p => StudyPersona.Parse(p)!))
        {
            patients.Add((entry.Id, entry.Variant));
            if (entry.AllVariants)
            {
                patients.AddRange(variantsOf(entry.Id).Select(v => (entry.Id, (string?)v)));
            }
        }

        bool[] guards = study.Guard switch { "on" => [true], "both" => [false, true], _ => [false] };
        var count = (long)patients.Count * study.Therapists.Count * study.Styles.Count * study.Protocols.Count * guards.Length * study.Seeds.Count;
        var limit = Math.Min(maxRuns, StudyRules.MaxRuns);
        if (count > limit)
        {
            var factors = new (string Field, int Count)[]
            {
                ("personas", patients.Count), ("therapists", study.Therapists.Count), ("styles", study.Styles.Count),
                ("protocols", study.Protocols.Count), ("guard", guards.Length), ("seeds", study.Seeds.Count),
            };
            var largest = factors.MaxBy(f => f.Count).Field;
            var raise = limit < StudyRules.MaxRuns ? $" (raise it with study --max-runs or Simulator:MaxStudyRuns, up to {StudyRules.MaxRuns:N0})" : "";
            throw new InvalidInputException(
                string.Create(CultureInfo.InvariantCulture, $"the study expands to {count:N0} runs ({string.Join(" × ", factors.Select(f => $"{f.Count} {f.Field}"))}), more than the limit of {limit:N0}{raise}"),
                field: largest);
        }

        var jobs = new List<StudyJob>((int)count);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (persona, variant) in patients)
        foreach (var therapist in study.Therapists)
        foreach (var style in study.Styles)
        foreach (var protocol in study.Protocols)
        foreach (var guard in guards)
        foreach (var seed in study.Seeds)
        {
            var config = new RunConfiguration
            {
                Persona = persona,
                Variant = variant,
                Therapist = therapist,
                Patient = study.Patient,
                Protocol = protocol,
                Style = style,
                Turns = study.Turns,
                Sessions = study.Sessions,
                Seed = seed,
                Monitor = study.Monitor,
                Heads = study.Heads,
                Rubric = study.Rubric,
                Guard = guard,
                ProbeEvery = study.ProbeEvery,
            };
            jobs.Add(new StudyJob(RunIdOf(config, used), config));
        }

        return jobs;
    }

    /// <summary>
    /// <c>persona[-variant]-therapist-style-protocol[-guard]-s&lt;seed&gt;</c>, lower case, with a short
    /// hash of the configuration added when that is too long or already taken.
    /// </summary>
    private static string RunIdOf(RunConfiguration c, HashSet<string> used)
    {
        var seed = c.Seed < 0 ? $"m{-c.Seed}" : c.Seed.ToString(CultureInfo.InvariantCulture);
        var parts = new[] { c.Persona, c.Variant, c.Therapist, c.Style, Path.GetFileNameWithoutExtension(c.Protocol), c.Guard ? "guard" : null, $"s{seed}" };
        var id = Slug(string.Join('-', parts.Where(p => p is not null)));
        if (id.Length > MaxRunId || used.Contains(id))
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts.Append(c.Therapist).Append(c.Protocol)))))[..8];
            id = $"{id[..Math.Min(id.Length, MaxRunId - 9)].TrimEnd('-')}-{hash}";
        }

        used.Add(id);
        return id;
    }

    private static string Slug(string text) => NotSlug().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
