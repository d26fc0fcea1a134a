using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using OllamaSharp;
using Polly;
using Polly.Registry;
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
    private readonly ResiliencePipelineRegistry<string>? _ownRegistry;
    private readonly ConcurrentDictionary<string, Lazy<IChatClient>> _clients = new(StringComparer.Ordinal);

    /// <summary>
    /// Opens the endpoint called <paramref name="name"/> (its <paramref name="options"/> validated at start by
    /// <see cref="EndpointOptionsValidator"/>); <paramref name="key"/> was read from its variable. Limits come from
    /// <paramref name="limiters"/> (this process's own by default); the retries and the breaker from <paramref name="registry"/>,
    /// the process's, under the endpoint's name (an own one, disposed with the endpoint, by default).
    /// </summary>
    public ModelEndpoint(string name, EndpointOptions options, string? key, TimeProvider clock, IEndpointLimiterFactory? limiters = null, ResiliencePipelineRegistry<string>? registry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        if (EndpointOptionsValidator.FirstProblem(options) is { } problem)
        {
            throw new Core.Validation.InvalidInputException(problem.Message, field: $"Models:Endpoints:{name}:{problem.Field}");
        }

        Name = name;
        Options = options;
        _key = key;
        Limits = (limiters ?? new LocalEndpointLimiters()).Create(name, options);
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = int.MaxValue,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
            BaseAddress = options.Kind == EndpointOptions.OllamaKind ? new Uri(options.BaseUrl!, UriKind.Absolute) : null,
        };
        _ownRegistry = registry is null ? EndpointPipelines.NewRegistry(clock) : null;
        Retries = EndpointPipelines.Retries(registry ?? _ownRegistry!, name, options);
        Attempt = EndpointPipelines.Attempt(registry ?? _ownRegistry!, name, options);
    }

    /// <summary>The endpoint's name.</summary>
    public string Name { get; }

    /// <summary>Its configuration.</summary>
    public EndpointOptions Options { get; }

    /// <summary>Its limits, shared by all sessions.</summary>
    public IEndpointLimiter Limits { get; }

    /// <summary>The retries of each call (<see cref="EndpointPipelines.Retries"/>).</summary>
    public ResiliencePipeline Retries { get; }

    /// <summary>
    /// The guard of each attempt (<see cref="EndpointPipelines.Attempt"/>): its circuit breaker opens for <c>BreakerBreakSeconds</c> when
    /// <c>BreakerFailureRatio</c> of at least <c>BreakerMinimumThroughput</c> attempts in <c>BreakerSamplingSeconds</c> hit endpoint
    /// faults (defaults: 0.5 of 10 in 30 s, for 5 s), around a timeout of <c>TimeoutSeconds</c>.
    /// </summary>
    public ResiliencePipeline Attempt { get; }

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
        _ownRegistry?.Dispose();
    }
}
