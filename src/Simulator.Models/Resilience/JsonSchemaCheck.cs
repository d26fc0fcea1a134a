using System.Text.Json;

namespace Simulator.Models.Resilience;

/// <summary>
/// Checks a structured reply against the JSON schema its call asked for: the subset structured
/// calls use (<c>type</c>, <c>properties</c>, <c>required</c>, <c>enum</c>, <c>items</c>,
/// <c>minimum</c>, <c>maximum</c>). Enough to tell a usable verdict from a malformed one.
/// </summary>
public static class JsonSchemaCheck
{
    /// <summary>The first violation as "path: problem", or null when <paramref name="value"/> conforms.</summary>
    public static string? FirstViolation(JsonElement value, JsonElement schema, string path = "$")
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(value, type))
        {
            return $"{path}: expected {type.ToString().Replace("\"", "", StringComparison.Ordinal)}, got {Describe(value)}";
        }

        if (schema.TryGetProperty("enum", out var allowed) && allowed.ValueKind == JsonValueKind.Array
            && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            return $"{path}: {Clip(value.GetRawText())} is not one of {Clip(allowed.GetRawText())}";
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            var number = value.GetDouble();
            if (schema.TryGetProperty("minimum", out var min) && min.ValueKind == JsonValueKind.Number && number < min.GetDouble())
            {
                return $"{path}: {number} is below the minimum {min.GetDouble()}";
            }

            if (schema.TryGetProperty("maximum", out var max) && max.ValueKind == JsonValueKind.Number && number > max.GetDouble())
            {
                return $"{path}: {number} is above the maximum {max.GetDouble()}";
            }
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()).OfType<string>())
                {
                    if (!value.TryGetProperty(name, out _))
                    {
                        return $"{path}: missing required property '{name}'";
                    }
                }
            }

            if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in properties.EnumerateObject())
                {
                    if (value.TryGetProperty(property.Name, out var child)
                        && FirstViolation(child, property.Value, $"{path}.{property.Name}") is { } violation)
                    {
                        return violation;
                    }
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var child in value.EnumerateArray())
            {
                if (FirstViolation(child, items, $"{path}[{i++}]") is { } violation)
                {
                    return violation;
                }
            }
        }

        return null;
    }

    private static bool TypeMatches(JsonElement value, JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.String => Is(value, type.GetString()),
        JsonValueKind.Array => type.EnumerateArray().Any(t => Is(value, t.GetString())),
        _ => true,
    };

    private static bool Is(JsonElement value, string? type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Clip(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
