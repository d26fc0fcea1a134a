namespace Simulator.Models.Endpoints;

/// <summary>
/// One model server (configuration <c>Models:Endpoints:&lt;name&gt;</c>, DESIGN §8): where it is, the
/// environment variable holding its key, its default sampling parameters and its limits. The key
/// itself is never part of the configuration.
/// </summary>
public sealed class EndpointOptions
{
    /// <summary>Any OpenAI-compatible server (OpenAI, Azure OpenAI's v1 API, vLLM, llama.cpp, LM Studio).</summary>
    public const string OpenAiKind = "openai";

    /// <summary>Ollama's native API.</summary>
    public const string OllamaKind = "ollama";

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:8000/v1</c> (for Ollama, the server root).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The environment variable that holds the API key; none for a server without keys.</summary>
    public string? ApiKeyVariable { get; set; }

    /// <summary><c>openai</c> (the default) or <c>ollama</c>.</summary>
    public string Kind { get; set; } = OpenAiKind;

    /// <summary>Requests in flight at once, over every session that uses the endpoint. Default 16; 1..100,000.</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>Requests started per minute (sliding window); 0 (the default) for no limit; 0..1,000,000,000.</summary>
    public int RequestsPerMinute { get; set; }

    /// <summary>Tokens per minute (prompt estimate plus the reply's token cap, sliding window); 0 (the default) for no limit; 0..1,000,000,000.</summary>
    public int TokensPerMinute { get; set; }

    /// <summary>The time one attempt may take before it counts as a fault (Polly's timeout). Default 120 s; 0.01..86,400 (a day).</summary>
    public double TimeoutSeconds { get; set; } = 120;

    /// <summary>Attempts per call for transient faults (server errors, timeouts, garbage, empty or cut-off replies). Default 5; 1..100.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Retries per call for rate limits (429), each after the server's Retry-After. Default 10; 0..1,000.</summary>
    public int MaxRateLimitRetries { get; set; } = 10;

    /// <summary>The circuit breaker opens when at least this share of attempts in <see cref="BreakerSamplingSeconds"/> hit endpoint faults. Default 0.5; in (0, 1].</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts in the sampling window before the breaker may open. Default 10; 2..1,000,000.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>The breaker's sampling window, in seconds. Default 30; 0.5..86,400.</summary>
    public double BreakerSamplingSeconds { get; set; } = 30;

    /// <summary>How long the breaker stays open (calls fail at once, then one probe goes through), in seconds. Default 5; 0.5..86,400.</summary>
    public double BreakerBreakSeconds { get; set; } = 5;

    /// <summary>The tokenizer for budgets (<c>o200k_base</c>); by default chosen from the model name, else estimated.</summary>
    public string? Tokenizer { get; set; }

    /// <summary>The default prompt budget of each agent on this endpoint, in tokens; past it, old turns are summarised. Default 12,000; 0 for none; 0..100,000,000.</summary>
    public int ContextTokens { get; set; } = 12_000;

    /// <summary>Default sampling parameters of every role on this endpoint.</summary>
    public SamplingOptions Sampling { get; set; } = new();

    /// <summary>The ranges the numbers above must be in, checked at start (<see cref="EndpointOptionsValidator"/>).</summary>
    internal static class Ranges
    {
        public static readonly (double Min, double Max) MaxConcurrency = (1, 100_000);
        public static readonly (double Min, double Max) PerMinute = (0, 1_000_000_000);
        public static readonly (double Min, double Max) TimeoutSeconds = (0.01, 86_400);
        public static readonly (double Min, double Max) MaxAttempts = (1, 100);
        public static readonly (double Min, double Max) MaxRateLimitRetries = (0, 1_000);
        public static readonly (double Min, double Max) BreakerMinimumThroughput = (2, 1_000_000);
        public static readonly (double Min, double Max) BreakerSeconds = (0.5, 86_400);
        public static readonly (double Min, double Max) ContextTokens = (0, 100_000_000);
    }
}
