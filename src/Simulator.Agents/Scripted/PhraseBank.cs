using YamlDotNet.Serialization;

namespace Simulator.Agents.Scripted;

/// <summary>
/// The offline therapists' phrases by act and style (<c>TherapistPhrases.yaml</c>, embedded), with
/// slots <c>{echo}</c>, <c>{feeling}</c> and <c>{belief}</c> filled from the patient's own words.
/// </summary>
internal sealed partial class PhraseBank
{
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> _phrases;

    private PhraseBank(IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> phrases) => _phrases = phrases;

    public static PhraseBank Embedded { get; } = Load();

    public IReadOnlyList<string> For(string act, string style) =>
        _phrases.TryGetValue(act, out var byStyle) && (byStyle.TryGetValue(style, out var list) || byStyle.TryGetValue("neutral", out list))
            ? list
            : throw new KeyNotFoundException($"The phrase bank has no '{act}' phrases.");

    public IEnumerable<string> All => _phrases.Values.SelectMany(s => s.Values).SelectMany(l => l);

    /// <summary>
    /// Whether a message used a template: every fixed stretch of its text (between slots) is in the
    /// message, ignoring case (replies are capitalised after filling).
    /// </summary>
    public static bool Used(string template, string message) =>
        FixedText.GetOrAdd(template, t => [.. SlotPattern().Split(t).Select(s => s.Trim()).Where(s => s.Length >= 6)])
            .All(s => message.Contains(s, StringComparison.OrdinalIgnoreCase));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> FixedText = new(StringComparer.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex(@"\{(echo|feeling|belief)\}")]
    private static partial System.Text.RegularExpressions.Regex SlotPattern();

    private static PhraseBank Load()
    {
        using var stream = typeof(PhraseBank).Assembly.GetManifestResourceStream("TherapistPhrases.yaml")
            ?? throw new InvalidOperationException("The embedded TherapistPhrases.yaml is missing.");
        using var reader = new StreamReader(stream);
        var raw = new DeserializerBuilder().Build().Deserialize<Dictionary<string, Dictionary<string, List<string>>>>(reader);
        return new PhraseBank(raw.ToDictionary(
            kv => kv.Key,
            kv => (IReadOnlyDictionary<string, IReadOnlyList<string>>)kv.Value.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)s.Value)));
    }
}
