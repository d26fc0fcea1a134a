using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using OllamaSharp;
using Polly;
using Polly.CircuitBreaker;
using Simulator.Models.Resilience;

namespace Simulator.Models.Endpoints;

/// <summary>
/// One configured endpoint at run time, shared by every session and role that uses it: its HTTP
/// connection pool, limits and circuit breaker. Clients for a model on it are made here: through
/// Semantic Kernel's OpenAI connector for <c>openai</c> endpoints, OllamaSharp for <c>ollama</c>.
/// </summary>
public sealed class ModelEndpoint : IDisposable
{
    private readonly HttpClient _http;
    private readonly string? _key;

    /// <summary>Opens the endpoint called <paramref name="name"/>; <paramref name="key"/> was read from its variable.</summary>
    public ModelEndpoint(string name, EndpointOptions options, string? key, TimeProvider clock)
    {
        Name = name;
        Options = options;
        _key = key;
        Limits = new EndpointLimits(options);
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = int.MaxValue,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
            BaseAddress = options.Kind == EndpointOptions.OllamaKind ? new Uri(options.BaseUrl!, UriKind.Absolute) : null,
        };
        Breaker = new ResiliencePipelineBuilder
        {
            TimeProvider = clock,
        }.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 10,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(5),
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ModelFaultException { IsEndpointFault: true }),
        }).Build();
    }

    /// <summary>The endpoint's name.</summary>
    public string Name { get; }

    /// <summary>Its configuration.</summary>
    public EndpointOptions Options { get; }

    /// <summary>Its limits, shared by all sessions.</summary>
    public EndpointLimits Limits { get; }

    /// <summary>Its circuit breaker: opens for a while when half of at least ten attempts in 30 s hit endpoint faults.</summary>
    public ResiliencePipeline Breaker { get; }

    /// <summary>A provider client for <paramref name="model"/> on this endpoint.</summary>
    public IChatClient CreateClient(string model)
    {
        var baseUrl = new Uri(Options.BaseUrl!, UriKind.Absolute);
        if (Options.Kind == EndpointOptions.OllamaKind)
        {
            // OllamaSharp leaves a client it was given open, so all models on the endpoint share one pool.
            return new OllamaApiClient(_http, model);
        }

        var kernel = Kernel.CreateBuilder()
            .AddOpenAIChatClient(model, baseUrl, _key ?? "no-key", httpClient: _http)
            .Build();
        return kernel.GetRequiredService<IChatClient>();
    }

    /// <summary><paramref name="text"/> with the endpoint's key, if it appears, blanked out.</summary>
    public string Scrub(string text) => string.IsNullOrEmpty(_key) ? text : text.Replace(_key, "***", StringComparison.Ordinal);

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        Limits.Dispose();
    }
}
