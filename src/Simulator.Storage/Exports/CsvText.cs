using System.Globalization;
using Simulator.Core.Text;

namespace Simulator.Storage.Exports;

/// <summary>RFC 4180 fields: quoted when they hold a comma, quote or line break; numbers invariant and round-trippable, empty for none.</summary>
public static class CsvText
{
    /// <summary>A text field, its control characters escaped (<see cref="SafeText"/>).</summary>
    public static string Field(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = SafeText.Clean(text);
        return text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    /// <summary>A number field; empty for null.</summary>
    public static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
