using Simulator.Core.Runs;
using Simulator.Core.Validation;

namespace Simulator.Core.Studies;

/// <summary>The rules a study file must satisfy beyond its shape.</summary>
public static class StudyRules
{
    /// <summary>The most runs one study may expand to, whatever the runs limit is set to.</summary>
    public const int MaxRuns = 1_000_000;

    /// <summary>The most runs a study may expand to unless the limit is raised (<c>study --max-runs</c>, <c>Simulator:MaxStudyRuns</c>).</summary>
    public const int DefaultMaxRuns = 10_000;

    /// <summary>The most sessions a study may run at once.</summary>
    public const int MaxConcurrency = 1024;

    /// <summary>The most sessions of a course (as <c>run --sessions</c>).</summary>
    public const int MaxSessions = 100;

    /// <summary>Every problem with <paramref name="s"/>; empty when it is valid.</summary>
    public static IReadOnlyList<ValidationIssue> Validate(Study s)
    {
        var issues = new List<ValidationIssue>();
        void Add(string field, string message) => issues.Add(new ValidationIssue(field, message));

        if (!Names.IsKebab(s.Name)) Add("name", $"'{s.Name}' must be kebab-case (a-z, 0-9 and single hyphens)");
        Factor(s.Personas, "personas", p => StudyPersona.Parse(p) is null ? "must be a persona id, id/variant or id/*" : null, Add);
        Factor(s.Therapists, "therapists", t => string.IsNullOrWhiteSpace(t) ? "is empty" : null, Add);
        Factor(s.Styles, "styles", st => RunConfiguration.Styles.Contains(st) ? null : $"must be one of: {string.Join(", ", RunConfiguration.Styles)}", Add);
        Factor(s.Protocols, "protocols", p => Names.IsKebab(p) || p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? null : "must be a protocol id or a .yaml file", Add);
        Factor(s.Seeds.Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(), "seeds", _ => null, Add);
        if (s.Turns < 1) Add("turns", $"{s.Turns} is out of range: must be >= 1");
        if (s.Sessions is < 1 or > MaxSessions) Add("sessions", $"{s.Sessions} is out of range: must be in 1..{MaxSessions}");
        if (string.IsNullOrWhiteSpace(s.Patient)) Add("patient", "is required");
        if (string.IsNullOrWhiteSpace(s.Monitor)) Add("monitor", "is required");
        if (!Study.GuardSettings.Contains(s.Guard)) Add("guard", $"'{s.Guard}' must be one of: {string.Join(", ", Study.GuardSettings)}");
        if (s.ProbeEvery < 0) Add("probe_every", $"{s.ProbeEvery} is out of range: must be 0 (no probes) or more");
        if (s.Concurrency is < 1 or > MaxConcurrency) Add("concurrency", $"{s.Concurrency} is out of range: must be in 1..{MaxConcurrency} (leave it out for the default)");
        return issues;
    }

    private static void Factor(IReadOnlyList<string> values, string field, Func<string, string?> check, Action<string, string> add)
    {
        if (values.Count == 0)
        {
            add(field, "needs at least one value");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            if (check(values[i]) is { } problem)
            {
                add($"{field}[{i}]", $"'{values[i]}' {problem}");
            }
            else if (!seen.Add(values[i]))
            {
                add($"{field}[{i}]", $"'{values[i]}' is listed twice");
            }
        }
    }
}
