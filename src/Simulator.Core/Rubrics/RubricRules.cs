using Simulator.Core.Validation;

namespace Simulator.Core.Rubrics;

/// <summary>The rules a rubric must satisfy beyond its shape.</summary>
public static class RubricRules
{
    /// <summary>Every problem with <paramref name="r"/>; empty when it is valid.</summary>
    public static IReadOnlyList<ValidationIssue> Validate(Rubric r)
    {
        var issues = new List<ValidationIssue>();
        void Add(string field, string message) => issues.Add(new ValidationIssue(field, message));

        if (!Names.IsKebab(r.Id)) Add("id", $"'{r.Id}' must be kebab-case");
        if (r.Version < 1) Add("version", $"{r.Version} is out of range: must be >= 1");
        if (string.IsNullOrWhiteSpace(r.Instructions)) Add("instructions", "is required");
        if (r.Metrics.Count == 0) Add("metrics", "needs at least one metric");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < r.Metrics.Count; i++)
        {
            var m = r.Metrics[i];
            var at = $"metrics[{i}]";
            if (string.IsNullOrWhiteSpace(m.Name)) Add($"{at}.name", "is required");
            else if (!names.Add(m.Name)) Add($"{at}.name", $"'{m.Name}' is used twice");
            if (string.IsNullOrWhiteSpace(m.Question)) Add($"{at}.question", "is required");
            if (!(m.Max > m.Min)) Add($"{at}.max", $"{m.Max} is out of range: must be above min ({m.Min})");
            if (!double.IsFinite(m.Min) || !double.IsFinite(m.Max)) Add($"{at}.min", "must be finite numbers (min and max)");
            if (m.FromTurn < 1) Add($"{at}.from_turn", $"{m.FromTurn} is out of range: must be >= 1");
            if (m.ToTurn != 0 && m.ToTurn < m.FromTurn) Add($"{at}.to_turn", $"{m.ToTurn} is out of range: must be 0 (no end) or >= from_turn ({m.FromTurn})");
        }

        return issues;
    }
}
