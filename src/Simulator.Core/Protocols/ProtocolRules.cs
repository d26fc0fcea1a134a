using System.Text.RegularExpressions;
using Simulator.Core.Validation;

namespace Simulator.Core.Protocols;

/// <summary>The rules a protocol must satisfy beyond its shape.</summary>
public static partial class ProtocolRules
{
    /// <summary>The placeholders a system prompt template may use.</summary>
    public static IReadOnlyList<string> Placeholders { get; } = ["display_name", "description", "phases", "expected", "proscribed", "style"];

    /// <summary>Every problem with <paramref name="p"/>; empty when it is valid.</summary>
    public static IReadOnlyList<ValidationIssue> Validate(Protocol p)
    {
        var issues = new List<ValidationIssue>();
        void Add(string field, string message) => issues.Add(new ValidationIssue(field, message));

        if (!Names.IsKebab(p.Id)) Add("id", $"'{p.Id}' must be kebab-case");
        if (p.Version < 1) Add("version", $"{p.Version} is out of range: must be >= 1");
        if (string.IsNullOrWhiteSpace(p.DisplayName)) Add("display_name", "is required");
        if (!Protocol.Modalities.Contains(p.Modality)) Add("modality", $"'{p.Modality}' must be one of: {string.Join(", ", Protocol.Modalities)}");
        if (p.Phases.Count == 0) Add("phases", "needs at least one phase");
        int? previous = 0;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < p.Phases.Count; i++)
        {
            var phase = p.Phases[i];
            var at = $"phases[{i}]";
            if (!Names.IsKebab(phase.Id)) Add($"{at}.id", $"'{phase.Id}' must be kebab-case");
            else if (!ids.Add(phase.Id)) Add($"{at}.id", $"'{phase.Id}' is used twice");
            if (phase.UntilTurn is null && i < p.Phases.Count - 1) Add($"{at}.until_turn", "is required on every phase but the last");
            if (phase.UntilTurn is { } until && (previous is null || until <= previous)) Add($"{at}.until_turn", $"{until} is out of range: must be after the previous phase's end ({previous})");
            previous = phase.UntilTurn;
            if (phase.Goals.Count == 0) Add($"{at}.goals", "needs at least one goal");
            if (phase.Lines.Count == 0) Add($"{at}.lines", "needs at least one line");
        }

        if (p.Techniques.Expected.Count == 0) Add("techniques.expected", "needs at least one technique");
        ids.Clear();
        for (var i = 0; i < p.FidelityItems.Count; i++)
        {
            var item = p.FidelityItems[i];
            var at = $"fidelity_items[{i}]";
            if (!Names.IsKebab(item.Id)) Add($"{at}.id", $"'{item.Id}' must be kebab-case");
            else if (!ids.Add(item.Id)) Add($"{at}.id", $"'{item.Id}' is used twice");
            if (string.IsNullOrWhiteSpace(item.Question)) Add($"{at}.question", "is required");
            if (item.Scope is not ("turn" or "window")) Add($"{at}.scope", $"'{item.Scope}' must be turn or window");
            if (item.Scope == "window" && item.Window is not (>= 2 and <= 1000)) Add($"{at}.window", "is required for scope window, in 2..1000");
        }

        if (string.IsNullOrWhiteSpace(p.SystemPrompt)) Add("system_prompt", "is required");
        foreach (Match m in Placeholder().Matches(p.SystemPrompt))
        {
            if (!Placeholders.Contains(m.Groups[1].Value)) Add("system_prompt", $"unknown placeholder '{{{{{m.Groups[1].Value}}}}}' (known: {string.Join(", ", Placeholders)})");
        }

        return issues;
    }

    /// <summary>Matches <c>{{name}}</c>.</summary>
    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}")]
    public static partial Regex Placeholder();
}
