namespace Simulator.Models.Endpoints;

/// <summary>The model layer's configuration (section <c>Models</c>, DESIGN §8).</summary>
public sealed class ModelsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Models";

    /// <summary>The endpoint <c>openai:&lt;model&gt;</c> uses unless configured otherwise.</summary>
    public const string OpenAiEndpoint = "openai";

    /// <summary>The endpoint <c>ollama:&lt;model&gt;</c> uses unless configured otherwise.</summary>
    public const string OllamaEndpoint = "ollama";

    /// <summary>Named endpoints.</summary>
    public Dictionary<string, EndpointOptions> Endpoints { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per-role settings.</summary>
    public Dictionary<string, RoleOptions> Roles { get; set; } = new(StringComparer.Ordinal);

    /// <summary>What models cost, per million tokens (<see cref="Costs.ModelPrice"/>); none by default: costs are then "no price configured".</summary>
    public List<Costs.ModelPrice> Prices { get; set; } = [];

    /// <summary>The currency of <see cref="Prices"/>. Default USD.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>
    /// The endpoint called <paramref name="name"/>: the configured one, or for <c>openai</c> and
    /// <c>ollama</c> the public defaults (api.openai.com with <c>OPENAI_API_KEY</c>; Ollama on 127.0.0.1:11434).
    /// </summary>
    public EndpointOptions? Endpoint(string name) =>
        Endpoints.TryGetValue(name, out var configured) ? configured : name switch
        {
            OpenAiEndpoint => new EndpointOptions { BaseUrl = "https://api.openai.com/v1", ApiKeyVariable = "OPENAI_API_KEY" },
            OllamaEndpoint => new EndpointOptions { BaseUrl = "http://127.0.0.1:11434", Kind = EndpointOptions.OllamaKind, MaxConcurrency = 4 },
            _ => null,
        };
}
