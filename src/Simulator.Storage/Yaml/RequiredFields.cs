using Simulator.Core.Personas;
using Simulator.Core.Protocols;
using Simulator.Core.Studies;
using Simulator.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Simulator.Storage.Yaml;

/// <summary>
/// The fields a document must write out, as its README documents them (personas/README.md,
/// protocols/README.md): present in the YAML, not left to a record's default. A path names a field;
/// <c>[]</c> means each item of a list. A field inside an optional parent is required only when the
/// parent is there. Checked on the YAML before it becomes a record, so the error names field and line.
/// </summary>
internal static class RequiredFields
{
    private static readonly Dictionary<Type, string[]> Specs = new()
    {
        [typeof(Persona)] =
        [
            "id", "version", "display_name",
            "demographics", "demographics.age", "demographics.gender", "demographics.pronouns", "demographics.race_ethnicity",
            "demographics.education", "demographics.occupation", "demographics.living_situation",
            "variants[].id", "variants[].demographics",
            "condition", "condition.primary", "condition.diagnosis_known", "condition.medication", "condition.adherence",
            "presentation", "presentation.symptoms_present", "presentation.symptoms_absent", "presentation.beliefs",
            "presentation.beliefs[].id", "presentation.beliefs[].statement", "presentation.beliefs[].kind", "presentation.beliefs[].conviction", "presentation.beliefs[].cues",
            "presentation.cognitive_model", "presentation.cognitive_model.core_beliefs", "presentation.cognitive_model.intermediate_beliefs",
            "presentation.cognitive_model.automatic_thoughts", "presentation.cognitive_model.coping",
            "presentation.style", "presentation.risk", "presentation.risk.suicide", "presentation.risk.harm_to_others", "presentation.risk.access_to_means",
            "presentation.disclosure[].item", "presentation.disclosure[].withheld_until_turn",
            "state0", "dynamics", "dynamics.effects", "trajectory", "trajectory.shape",
            "events[].id", "events[].say",
            "lines", "lines.opening", "lines.reactions", "lines.topics",
            "lines.topics[].id", "lines.topics[].variable",
        ],
        [typeof(Protocol)] =
        [
            "id", "version", "display_name", "modality", "description",
            "phases", "phases[].id", "phases[].goals", "phases[].lines",
            "techniques", "techniques.expected", "techniques.proscribed",
            "fidelity_items", "fidelity_items[].id", "fidelity_items[].question", "fidelity_items[].scope",
            "system_prompt",
        ],
        [typeof(Study)] = ["name", "personas", "therapists", "seeds", "turns"],
    };

    /// <summary>The first required field <paramref name="root"/> leaves out, with the line of its parent; null when none.</summary>
    public static (ValidationIssue Issue, Mark At)? Find(YamlNode root, Type type)
    {
        if (!Specs.TryGetValue(type, out var spec))
        {
            return null;
        }

        foreach (var path in spec)
        {
            if (Missing(root, path.Split('.'), "") is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static (ValidationIssue, Mark)? Missing(YamlNode node, ReadOnlySpan<string> parts, string at)
    {
        if (parts.IsEmpty || node is not YamlMappingNode map)
        {
            return null; // a parent of the wrong shape is the deserializer's to name
        }

        var each = parts[0].EndsWith("[]", StringComparison.Ordinal);
        var name = each ? parts[0][..^2] : parts[0];
        var here = at.Length == 0 ? name : $"{at}.{name}";
        var child = map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: var v } && v == name).Value;
        if (child is null)
        {
            return each ? null : (new ValidationIssue(here, "is required (see the README of its folder)"), map.Start);
        }

        if (!each)
        {
            return Missing(child, parts[1..], here);
        }

        if (child is not YamlSequenceNode items)
        {
            return null;
        }

        for (var i = 0; i < items.Children.Count; i++)
        {
            if (Missing(items.Children[i], parts[1..], $"{here}[{i}]") is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
