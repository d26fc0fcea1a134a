using System.Text.Json;
using System.Text.Json.Serialization;

namespace Simulator.Cli.Commands;

/// <summary>
/// The one JSON object (or array) a <c>--json</c> command prints on standard output. Numbers are
/// rounded to six significant digits (whole numbers kept whole), so a mean prints as 0.353333, not
/// 0.35333333333333333; a number that is not finite prints as null.
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new RoundedDouble() },
    };

    public static void Write(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));

    /// <summary><paramref name="value"/> to six significant digits, never fewer than its whole part.</summary>
    public static double Round(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value;
        }

        var whole = (int)Math.Floor(Math.Log10(Math.Abs(value))) + 1;
        return Math.Round(value, Math.Clamp(6 - whole, 0, 15));
    }

    private sealed class RoundedDouble : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(Round(value));
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
