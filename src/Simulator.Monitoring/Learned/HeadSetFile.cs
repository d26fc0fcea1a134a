using System.Globalization;
using System.Text.Json;
using Simulator.Core.Validation;

namespace Simulator.Monitoring.Learned;

/// <summary>
/// The heads file: JSON, written field by field in a fixed order so the same heads give the same bytes.
/// <code>
/// {"format": "simulator-heads/1", "features": {"bits", "reply", "patient", "context", "previous_reply", "rules"},
///  "sources": [{"name", "sha256", "conversations", "turns"}],
///  "heads": [{"metric", "target", "turns", "conversations", "lambda", "scale", "bias",
///             "named": {"&lt;feature&gt;": units, ...}, "hashed": "&lt;base64&gt;"}]}
/// </code>
/// Weights are fixed-point integers (<c>scale</c> units per 1). <c>hashed</c> holds the buckets whose weight is
/// not zero as LEB128 varints: the gap from the previous bucket, then the zig-zagged weight.
/// </summary>
internal static class HeadSetFile
{
    public const string Format = "simulator-heads/1";

    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public static void Write(HeadSet set, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, Indented);
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteStartObject("features");
        w.WriteNumber("bits", set.Spec.Bits);
        w.WriteNumber("reply", set.Spec.Reply);
        w.WriteNumber("patient", set.Spec.Patient);
        w.WriteNumber("context", set.Spec.Context);
        w.WriteNumber("previous_reply", set.Spec.PreviousReply);
        w.WriteNumber("rules", set.Spec.Rules);
        w.WriteEndObject();
        w.WriteStartArray("sources");
        foreach (var s in set.Sources)
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteString("sha256", s.Sha256);
            w.WriteNumber("conversations", s.Conversations);
            w.WriteNumber("turns", s.Turns);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("heads");
        foreach (var h in set.Heads)
        {
            w.WriteStartObject();
            w.WriteString("metric", h.Metric);
            w.WriteString("target", h.Facts.Target);
            w.WriteNumber("turns", h.Facts.Turns);
            w.WriteNumber("conversations", h.Facts.Conversations);
            w.WriteNumber("lambda", h.Facts.Lambda);
            w.WriteNumber("scale", LinearHead.Scale);
            w.WriteNumber("bias", h.BiasUnits);
            w.WriteStartObject("named");
            for (var k = 0; k < RuleFeatures.Names.Count; k++)
            {
                if (h.NamedUnits[k] != 0)
                {
                    w.WriteNumber(RuleFeatures.Names[k], h.NamedUnits[k]);
                }
            }

            w.WriteEndObject();
            w.WriteString("hashed", Convert.ToBase64String(Pack(h.HashedUnits)));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static HeadSet Read(Stream stream, string path)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(stream);
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException($"not a heads file (JSON): {ex.Message}", path, ex.LineNumber is { } l ? (int)l + 1 : null);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "format", path) != Format)
            {
                throw new InvalidInputException($"not a heads file: 'format' must be '{Format}'", path, field: "format");
            }

            var features = Object(root, "features", path);
            var spec = new FeatureSpec
            {
                Bits = (int)Number(features, "bits", path, "features", 8, 24),
                Reply = Number(features, "reply", path, "features", 0, 100),
                Patient = Number(features, "patient", path, "features", 0, 100),
                Context = Number(features, "context", path, "features", 0, 100),
                PreviousReply = Number(features, "previous_reply", path, "features", 0, 100),
                Rules = Number(features, "rules", path, "features", 0, 100),
            };
            var sources = new List<TrainingSource>();
            foreach (var (s, i) in Array(root, "sources", path).Select((s, i) => (s, i)))
            {
                var at = $"sources[{i}]";
                sources.Add(new TrainingSource(Text(s, "name", path, at), Text(s, "sha256", path, at), (int)Number(s, "conversations", path, at, 0, int.MaxValue), (int)Number(s, "turns", path, at, 0, int.MaxValue)));
            }

            var heads = new List<LinearHead>();
            foreach (var (h, i) in Array(root, "heads", path).Select((h, i) => (h, i)))
            {
                var at = $"heads[{i}]";
                var metric = Text(h, "metric", path, at);
                if (Metrics.Find(metric) is null)
                {
                    throw new InvalidInputException($"unknown metric '{metric}' (known: {string.Join(", ", Metrics.Known)})", path, field: at + ".metric");
                }

                if (Number(h, "scale", path, at, 1, int.MaxValue) != LinearHead.Scale)
                {
                    throw new InvalidInputException($"must be {LinearHead.Scale}", path, field: at + ".scale");
                }

                var named = new long[RuleFeatures.Names.Count];
                foreach (var p in Object(h, "named", path, at).EnumerateObject())
                {
                    var k = IndexOf(p.Name);
                    named[k >= 0 ? k : throw new InvalidInputException($"unknown feature '{p.Name}'", path, field: $"{at}.named")] =
                        p.Value.TryGetInt64(out var q) ? q : throw new InvalidInputException("must be a whole number", path, field: $"{at}.named.{p.Name}");
                }

                var hashed = Unpack(Text(h, "hashed", path, at), spec.Bits, path, at + ".hashed");
                heads.Add(new LinearHead(
                    metric,
                    (long)Number(h, "bias", path, at, long.MinValue / 2, long.MaxValue / 2),
                    hashed,
                    named,
                    spec.Bits,
                    new HeadFacts(Text(h, "target", path, at), (int)Number(h, "turns", path, at, 0, int.MaxValue), (int)Number(h, "conversations", path, at, 0, int.MaxValue), Number(h, "lambda", path, at, 0, 1e9))));
            }

            if (heads.Select(h => h.Metric).Distinct(StringComparer.Ordinal).Count() != heads.Count)
            {
                throw new InvalidInputException("a metric has two heads", path, field: "heads");
            }

            return new HeadSet(spec, heads, sources, path);
        }
    }

    private static int IndexOf(string name)
    {
        for (var k = 0; k < RuleFeatures.Names.Count; k++)
        {
            if (RuleFeatures.Names[k] == name)
            {
                return k;
            }
        }

        return -1;
    }

    private static byte[] Pack(IReadOnlyDictionary<int, int> weights)
    {
        using var buffer = new MemoryStream();
        var previous = 0;
        foreach (var (bucket, q) in weights.OrderBy(w => w.Key))
        {
            Varint(buffer, (uint)(bucket - previous));
            Varint(buffer, (uint)((q << 1) ^ (q >> 31)));
            previous = bucket;
        }

        return buffer.ToArray();
    }

    private static Dictionary<int, int> Unpack(string base64, int bits, string path, string field)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidInputException("is not base64", path, field: field);
        }

        var weights = new Dictionary<int, int>();
        var at = 0;
        var bucket = 0L;
        while (at < bytes.Length)
        {
            bucket += ReadVarint(bytes, ref at, path, field);
            var z = ReadVarint(bytes, ref at, path, field);
            if (bucket >= 1L << bits)
            {
                throw new InvalidInputException($"bucket {bucket} is out of range for {bits} bits", path, field: field);
            }

            weights[(int)bucket] = (int)(z >> 1) ^ -(int)(z & 1);
        }

        return weights;
    }

    private static void Varint(Stream s, uint value)
    {
        while (value >= 0x80)
        {
            s.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        s.WriteByte((byte)value);
    }

    private static uint ReadVarint(byte[] bytes, ref int at, string path, string field)
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (at >= bytes.Length)
            {
                throw new InvalidInputException("ends inside a number", path, field: field);
            }

            var b = bytes[at++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidInputException("holds a number that is too long", path, field: field);
    }

    private static JsonElement Object(JsonElement e, string name, string path, string at = "") =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : throw new InvalidInputException("is required: an object", path, field: Field(at, name));

    private static IEnumerable<JsonElement> Array(JsonElement e, string name, string path) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : throw new InvalidInputException("is required: an array", path, field: name);

    private static string Text(JsonElement e, string name, string path, string at = "") =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new InvalidInputException("is required: a string", path, field: Field(at, name));

    private static double Number(JsonElement e, string name, string path, string at, double min, double max)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Number || !double.IsFinite(v.GetDouble()))
        {
            throw new InvalidInputException("is required: a number", path, field: Field(at, name));
        }

        var d = v.GetDouble();
        return d >= min && d <= max ? d : throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"{d} is out of range {min}..{max}"), path, field: Field(at, name));
    }

    private static string Field(string at, string name) => at.Length == 0 ? name : $"{at}.{name}";
}
