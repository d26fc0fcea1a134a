using System.Globalization;
using System.Reflection;
using Simulator.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization.NamingConventions;

namespace Simulator.Storage.Yaml;

/// <summary>
/// Finds, in a YAML document before it becomes a record, the first number field that is null
/// (<c>phq9: ~</c>, <c>phq9:</c>; an optional number is left out, not nulled), or that is not a finite
/// number within ±<see cref="MaxMagnitude"/> (<c>.nan</c>, <c>.inf</c>, <c>1e999</c>, <c>1e308</c>): values
/// YamlDotNet would otherwise turn into 0, NaN or infinity, which a run would carry into its log. The
/// document's nodes are walked beside the record's type, so the error names the field and its line.
/// </summary>
internal static class YamlNumbers
{
    /// <summary>The largest magnitude of a number in a document (the event log's own bound on numbers).</summary>
    public const double MaxMagnitude = 1e9;

    /// <summary>The first bad number in <paramref name="root"/> read as <paramref name="type"/>, with its line; null when there is none.</summary>
    public static (ValidationIssue Issue, Mark At)? Find(YamlNode root, Type type) => Walk(root, type, "");

    private static (ValidationIssue, Mark)? Walk(YamlNode node, Type type, string path)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        var bare = nullable ?? type;
        if (IsNumber(bare))
        {
            return node is YamlScalarNode scalar ? Number(scalar, bare, nullable is not null, path) : null;
        }

        if (bare == typeof(string) || bare.IsEnum || bare.IsPrimitive)
        {
            return null;
        }

        if (Dictionary(bare) is { } valueType)
        {
            return node is YamlMappingNode map ? Entries(map, valueType, path) : null;
        }

        if (Sequence(bare) is { } itemType)
        {
            if (node is not YamlSequenceNode seq)
            {
                return null;
            }

            for (var i = 0; i < seq.Children.Count; i++)
            {
                if (Walk(seq.Children[i], itemType, $"{path}[{i}]") is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        if (node is not YamlMappingNode record || bare.Namespace?.StartsWith("Simulator.", StringComparison.Ordinal) != true)
        {
            return null;
        }

        foreach (var (key, value) in record.Children)
        {
            var name = (key as YamlScalarNode)?.Value;
            var property = name is null ? null : bare.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => UnderscoredNamingConvention.Instance.Apply(p.Name) == name && p.GetIndexParameters().Length == 0);
            if (property is not null && Walk(value, property.PropertyType, path.Length == 0 ? name! : $"{path}.{name}") is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static (ValidationIssue, Mark)? Entries(YamlMappingNode map, Type valueType, string path)
    {
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (Walk(value, valueType, path.Length == 0 ? name : $"{path}.{name}") is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static (ValidationIssue, Mark)? Number(YamlScalarNode scalar, Type type, bool mayBeAbsent, string path)
    {
        var text = scalar.Value?.Trim() ?? "";
        var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
        if (plain && text is "" or "~" or "null" or "Null" or "NULL")
        {
            return (new ValidationIssue(path, mayBeAbsent ? "is null: give a number, or leave the field out" : "is null: a number is required here"), scalar.Start);
        }

        var value = Parse(text);
        if (value is not { } v)
        {
            return null; // not a number at all: the deserializer names the wrong type
        }

        if (!double.IsFinite(v))
        {
            return (new ValidationIssue(path, $"'{text}' is not a finite number"), scalar.Start);
        }

        return type == typeof(double) || type == typeof(float) || type == typeof(decimal)
            ? Math.Abs(v) > MaxMagnitude ? (new ValidationIssue(path, $"{text} is out of range: must be within ±{MaxMagnitude:0e0}"), scalar.Start) : null
            : null;
    }

    /// <summary>The value of a YAML number (1.2 core schema floats, .nan and .inf included), or null for text that is none.</summary>
    private static double? Parse(string text)
    {
        switch (text.ToLowerInvariant())
        {
            case ".nan" or "nan":
                return double.NaN;
            case ".inf" or "+.inf" or "inf" or "+inf" or "infinity" or "+infinity":
                return double.PositiveInfinity;
            case "-.inf" or "-inf" or "-infinity":
                return double.NegativeInfinity;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static bool IsNumber(Type t) =>
        t == typeof(double) || t == typeof(float) || t == typeof(decimal) || t == typeof(int) || t == typeof(long)
        || t == typeof(short) || t == typeof(uint) || t == typeof(ulong);

    private static Type? Dictionary(Type t) =>
        (t.IsGenericType && t.GetGenericTypeDefinition() is var d && (d == typeof(IReadOnlyDictionary<,>) || d == typeof(Dictionary<,>) || d == typeof(IDictionary<,>))) ? t.GetGenericArguments()[1] : null;

    private static Type? Sequence(Type t) =>
        t.IsArray ? t.GetElementType()
        : t.IsGenericType && t.GetGenericTypeDefinition() is var d && (d == typeof(IReadOnlyList<>) || d == typeof(List<>) || d == typeof(IEnumerable<>) || d == typeof(IReadOnlyCollection<>) || d == typeof(IList<>)) ? t.GetGenericArguments()[0]
        : null;
}
