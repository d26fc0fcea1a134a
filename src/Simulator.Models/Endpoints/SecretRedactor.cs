namespace Simulator.Models.Endpoints;

/// <summary>
/// The keys of the configured endpoints (each read from the environment variable its
/// <c>ApiKeyVariable</c> names, and <c>OPENAI_API_KEY</c> for the built-in <c>openai</c> endpoint),
/// and the one rule for keeping them out of everything the simulator writes or prints: each
/// occurrence becomes <c>[redacted:&lt;variable&gt;]</c>. Keys shorter than <see cref="MinKeyLength"/>
/// are not redacted (they would blank ordinary words). Thread-safe; immutable once made.
/// </summary>
public sealed class SecretRedactor
{
    /// <summary>The shortest key that is redacted.</summary>
    public const int MinKeyLength = 8;

    private readonly (string Key, string Variable)[] _keys;

    /// <summary>A redactor for <paramref name="keys"/> (key and the variable it came from).</summary>
    public SecretRedactor(IEnumerable<(string Variable, string Key)> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);

        // Longest first, so a key that holds another is redacted whole.
        _keys = [.. keys.Where(k => !string.IsNullOrEmpty(k.Key) && k.Key.Length >= MinKeyLength)
            .DistinctBy(k => k.Key)
            .OrderByDescending(k => k.Key.Length)
            .Select(k => (k.Key, k.Variable))];
    }

    /// <summary>A redactor with no keys.</summary>
    public static SecretRedactor None { get; } = new([]);

    /// <summary>True when there is no key to redact.</summary>
    public bool IsEmpty => _keys.Length == 0;

    /// <summary>The keys of every endpoint <paramref name="options"/> configures (and the built-in openai one), read from the environment now.</summary>
    public static SecretRedactor FromEnvironment(ModelsOptions? options)
    {
        var variables = (options?.Endpoints.Values ?? Enumerable.Empty<EndpointOptions>())
            .Select(e => e.ApiKeyVariable)
            .Append(options?.Endpoint(ModelsOptions.OpenAiEndpoint)?.ApiKeyVariable ?? "OPENAI_API_KEY")
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .Distinct(StringComparer.Ordinal);
        return new SecretRedactor(variables.Select(v => (v!, Environment.GetEnvironmentVariable(v!) ?? "")));
    }

    /// <summary><paramref name="text"/> with every key replaced by <c>[redacted:&lt;variable&gt;]</c>; the same instance when it holds none.</summary>
    public string Redact(string text) => Redact(text, null);

    /// <summary>As <see cref="Redact(string)"/>, adding the variable of each key found to <paramref name="found"/>.</summary>
    public string Redact(string text, ICollection<string>? found)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (key, variable) in _keys)
        {
            if (text.Contains(key, StringComparison.Ordinal))
            {
                text = text.Replace(key, $"[redacted:{variable}]", StringComparison.Ordinal);
                found?.Add(variable);
            }
        }

        return text;
    }
}
