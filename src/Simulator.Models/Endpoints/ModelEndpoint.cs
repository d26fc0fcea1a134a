using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<string, Lazy<IChatClient>> _clients = new(StringComparer.Ordinal);

    /// <summary>Opens the endpoint called <paramref name="name"/>; <paramref name="key"/> was read from its variable.</summary>
    public ModelEndpoint(string name, EndpointOptions options, string? key, TimeProvider clock)
        : this(name, options, key, clock, new LocalEndpointLimiters())
    {
    }

    /// <summary>Opens the endpoint called <paramref name="name"/> with limits from <paramref name="limiters"/>.</summary>
    public ModelEndpoint(string name, EndpointOptions options, string? key, TimeProvider clock, IEndpointLimiterFactory limiters)
    {
        ArgumentNullException.ThrowIfNull(limiters);
        ArgumentNullException.ThrowIfNull(options);
        CheckBreaker(name, options);
        Name = name;
        Options = options;
        _key = key;
        Limits = limiters.Create(name, options);
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
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = TimeSpan.FromSeconds(options.BreakerSamplingSeconds),
            BreakDuration = TimeSpan.FromSeconds(options.BreakerBreakSeconds),
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ModelFaultException { IsEndpointFault: true }),
        }).Build();
    }

    /// <summary>Refuses breaker settings Polly would reject, naming the configuration key.</summary>
    private static void CheckBreaker(string name, EndpointOptions o)
    {
        var problem =
            o.BreakerFailureRatio is not (> 0 and <= 1) ? ("BreakerFailureRatio", $"{o.BreakerFailureRatio} must be in (0, 1]")
            : o.BreakerMinimumThroughput < 2 ? ("BreakerMinimumThroughput", $"{o.BreakerMinimumThroughput} must be at least 2")
            : o.BreakerSamplingSeconds is not (>= 0.5 and <= 86_400) ? ("BreakerSamplingSeconds", $"{o.BreakerSamplingSeconds} must be in 0.5..86400")
            : o.BreakerBreakSeconds is not (>= 0.5 and <= 86_400) ? ("BreakerBreakSeconds", $"{o.BreakerBreakSeconds} must be in 0.5..86400")
            : default((string Field, string Message)?);
        if (problem is { } p)
        {
            throw new Core.Validation.InvalidInputException(p.Message, field: $"Models:Endpoints:{name}:{p.Field}");
        }
    }

    /// <summary>The endpoint's name.</summary>
    public string Name { get; }

    /// <summary>Its configuration.</summary>
    public EndpointOptions Options { get; }

    /// <summary>Its limits, shared by all sessions.</summary>
    public IEndpointLimiter Limits { get; }

    /// <summary>Its circuit breaker: opens for <c>BreakerBreakSeconds</c> when <c>BreakerFailureRatio</c> of at least <c>BreakerMinimumThroughput</c> attempts in <c>BreakerSamplingSeconds</c> hit endpoint faults (defaults: 0.5 of 10 in 30 s, for 5 s).</summary>
    public ResiliencePipeline Breaker { get; }

    /// <summary>
    /// The provider client for <paramref name="model"/> on this endpoint, made on first use and shared by
    /// every role and session that calls the model (the clients are thread-safe and hold no conversation).
    /// </summary>
    public IChatClient CreateClient(string model) =>
        _clients.GetOrAdd(model, m => new Lazy<IChatClient>(() => NewClient(m))).Value;

    private IChatClient NewClient(string model)
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

    /// <summary><paramref name="text"/> with the endpoint's key, if it appears, redacted (<c>[redacted:&lt;variable&gt;]</c>).</summary>
    public string Scrub(string text) => string.IsNullOrEmpty(_key) ? text : text.Replace(_key, $"[redacted:{Options.ApiKeyVariable}]", StringComparison.Ordinal);

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        Limits.Dispose();
    }
}
