using System.Collections;
using System.Reflection;
using Simulator.Core.Validation;
using YamlDotNet.Serialization.NamingConventions;

namespace Simulator.Storage.Yaml;

/// <summary>
/// Finds the first null a YAML document left where its records declare none: a field written as
/// <c>key: ~</c> or <c>key:</c>, a list item <c>- ~</c>, a map value <c>act: ~</c>. The rules
/// that run next may then rely on the records' nullability, as the rest of the code does.
/// </summary>
internal static class DocumentNulls
{
    public static ValidationIssue? Find(object document) => Find(document, "", new NullabilityInfoContext());

    private static ValidationIssue? Find(object value, string path, NullabilityInfoContext nullability)
    {
        var type = value.GetType();
        if (type.Namespace?.StartsWith("Simulator.", StringComparison.Ordinal) != true || type.IsEnum)
        {
            return null;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.PropertyType.IsValueType || property.GetMethod is null)
            {
                continue;
            }

            var field = Join(path, UnderscoredNamingConvention.Instance.Apply(property.Name));
            var info = nullability.Create(property);
            var child = property.GetValue(value);
            var issue = child is null
                ? info.ReadState == NullabilityState.NotNull ? new ValidationIssue(field, "is required") : null
                : Children(child, field, info, nullability);
            if (issue is not null)
            {
                return issue;
            }
        }

        return null;
    }

    private static ValidationIssue? Children(object value, string field, NullabilityInfo info, NullabilityInfoContext nullability)
    {
        var itemsMayBeNull = info.GenericTypeArguments.Length > 0 && info.GenericTypeArguments[^1].ReadState != NullabilityState.NotNull;
        switch (value)
        {
            case string:
                return null;
            case IDictionary map:
                foreach (DictionaryEntry entry in map)
                {
                    var at = $"{field}.{entry.Key}";
                    var issue = entry.Value is null
                        ? itemsMayBeNull ? null : new ValidationIssue(at, "must not be empty (null)")
                        : Find(entry.Value, at, nullability);
                    if (issue is not null)
                    {
                        return issue;
                    }
                }

                return null;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items)
                {
                    var at = $"{field}[{i++}]";
                    var issue = item is null
                        ? itemsMayBeNull ? null : new ValidationIssue(at, "must not be empty (null)")
                        : Find(item, at, nullability);
                    if (issue is not null)
                    {
                        return issue;
                    }
                }

                return null;
            default:
                return Find(value, field, nullability);
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
