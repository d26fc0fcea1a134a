using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Simulator.Models.Context;
using Simulator.Models.Endpoints;
using Simulator.Models.Recording;

namespace Simulator.Models.Resilience;

/// <summary>
/// The way every model call of a role goes out: the role's sampling parameters filled in, then
/// for a real endpoint its limits, a per-attempt timeout, the endpoint's circuit breaker, retries
/// (rate limits after the server's Retry-After on their own allowance; other faults with
/// exponential backoff), and replies checked for use. Every attempt is reported to the sink, to
/// become a ModelCalled event. Built-in scripted models take the same path with one attempt.
/// The provider client is not the pipeline's: disposing the pipeline leaves it open (an endpoint's
/// clients are shared by every session on it).
/// </summary>
public sealed class ModelCallPipeline : DelegatingChatClient
{
    private readonly string _role;
    private readonly string _model;
    private readonly SamplingOptions _sampling;
    private readonly TokenCounter _tokens;
    private readonly ModelEndpoint? _endpoint;
    private readonly TimeProvider _clock;
    private readonly Action<ModelCallRecord> _sink;
    private readonly ResiliencePipeline _retries;
    private readonly RequestHash _hashes = new();
    private readonly SecretRedactor _secrets;

    // Retry strategies hold no state, so one pipeline per endpoint serves every session's calls: a
    // thousand sessions starting at once would otherwise each build (and validate) their own.
    private static readonly ConditionalWeakTable<ModelEndpoint, StrongBox<(TimeProvider Clock, ResiliencePipeline Retries)>> RetriesByEndpoint = new();

    /// <summary>
    /// A pipeline for <paramref name="role"/> over <paramref name="inner"/>; <paramref name="endpoint"/> is null for scripted
    /// models. Every endpoint key <paramref name="secrets"/> knows is redacted from replies and errors before anything sees them.
    /// </summary>
    public ModelCallPipeline(IChatClient inner, string role, string model, SamplingOptions sampling, TokenCounter tokens, ModelEndpoint? endpoint, TimeProvider clock, Action<ModelCallRecord> sink, SecretRedactor? secrets = null)
        : base(inner)
    {
        _secrets = secrets ?? SecretRedactor.None;
        _role = role;
        _model = model;
        _sampling = sampling;
        _tokens = tokens;
        _endpoint = endpoint;
        _clock = clock;
        _sink = sink;
        _retries = endpoint is null ? ResiliencePipeline.Empty : RetriesFor(endpoint, clock);
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var request = Prepare(options);
        var hash = _hashes.Next(list, request, _model);
        var attempt = 0;
        try
        {
            return await _retries.ExecuteAsync(
                async ct =>
                {
                    attempt++;
                    return await AttemptAsync(list, request, hash, attempt, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ModelFaultException fault)
        {
            throw new ModelCallFailedException(_role, _model, attempt, fault);
        }
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Sessions use whole replies; each is checked before it is used.");

    private async Task<ChatResponse> AttemptAsync(IReadOnlyList<ChatMessage> messages, ChatOptions request, string hash, int attempt, CancellationToken cancellationToken)
    {
        var started = _clock.GetTimestamp();
        try
        {
            var response = _endpoint is null
                ? await base.GetResponseAsync(messages, request, cancellationToken).ConfigureAwait(false)
                : await OverEndpointAsync(_endpoint, messages, request, cancellationToken).ConfigureAwait(false);
            var usage = response.Usage;
            _sink(new ModelCallRecord(hash, usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0, usage?.CachedInputTokenCount ?? 0, Elapsed(started), attempt, null)
            {
                Redacted = Redact(response),
            });
            return response;
        }
        catch (ModelFaultException fault)
        {
            _sink(new ModelCallRecord(hash, 0, 0, 0, Elapsed(started), attempt, _secrets.Redact(fault.Summary)));
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _sink(new ModelCallRecord(hash, 0, 0, 0, Elapsed(started), attempt, _secrets.Redact(ex.GetType().Name + ": " + ex.Message)));
            throw;
        }
    }

    private async Task<ChatResponse> OverEndpointAsync(ModelEndpoint endpoint, IReadOnlyList<ChatMessage> messages, ChatOptions request, CancellationToken cancellationToken)
    {
        var estimate = endpoint.Options.TokensPerMinute > 0 ? _tokens.Count(messages) + (request.MaxOutputTokens ?? 0) : 0;
        using var lease = await endpoint.Limits.AcquireAsync(estimate, cancellationToken).ConfigureAwait(false);
        try
        {
            return await BreakerAsync(endpoint, messages, request, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException open)
        {
            // Recorded as its kind, and retried after a whole break (Polly's own estimate of what is left
            // can be shorter than the break), when the half-open breaker lets one probe through.
            var fault = FaultClassifier.Classify(open, Scrub(endpoint), _clock);
            throw new ModelFaultException(fault.Kind, fault.Message, TimeSpan.FromSeconds(endpoint.Options.BreakerBreakSeconds), open);
        }
    }

    private Task<ChatResponse> BreakerAsync(ModelEndpoint endpoint, IReadOnlyList<ChatMessage> messages, ChatOptions request, CancellationToken cancellationToken) =>
        endpoint.Breaker.ExecuteAsync(
            async ct =>
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(endpoint.Options.TimeoutSeconds), _clock);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
                try
                {
                    var response = await base.GetResponseAsync(messages, request, linked.Token).ConfigureAwait(false);
                    ReplyCheck.Validate(response, request);
                    return response;
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
                {
                    throw new ModelFaultException(ModelFaultKind.Timeout, $"no answer within {endpoint.Options.TimeoutSeconds:0.###} s");
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    throw FaultClassifier.Classify(ex, Scrub(endpoint), _clock);
                }
            },
            cancellationToken).AsTask();

    /// <summary>Redacts endpoint keys from the reply's text in place; the variables whose keys were found.</summary>
    private IReadOnlyList<string> Redact(ChatResponse response)
    {
        if (_secrets.IsEmpty)
        {
            return [];
        }

        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var message in response.Messages)
        {
            for (var i = 0; i < message.Contents.Count; i++)
            {
                if (message.Contents[i] is TextContent { Text: { } text } content && _secrets.Redact(text, found) is var clean && !ReferenceEquals(clean, text))
                {
                    message.Contents[i] = new TextContent(clean) { AdditionalProperties = content.AdditionalProperties };
                }
            }
        }

        return [.. found];
    }

    private ChatOptions Prepare(ChatOptions? options)
    {
        var request = options?.Clone() ?? new ChatOptions();
        request.Temperature ??= (float?)_sampling.Temperature;
        request.TopP ??= (float?)_sampling.TopP;
        request.MaxOutputTokens ??= _sampling.MaxTokens;
        if (_sampling.SendSeed == false)
        {
            request.Seed = null;
        }

        if (_endpoint is not null)
        {
            // The session context is for the built-in models; nothing of it goes over the wire.
            request.AdditionalProperties = null;
        }

        return request;
    }

    /// <summary>The endpoint's own key and every other configured one, redacted from an error message.</summary>
    private Func<string, string> Scrub(ModelEndpoint endpoint) => text => _secrets.Redact(endpoint.Scrub(text));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        // Nothing of the pipeline's own needs disposing, and the provider client belongs to its endpoint.
    }

    private static ResiliencePipeline RetriesFor(ModelEndpoint endpoint, TimeProvider clock)
    {
        var kept = RetriesByEndpoint.GetValue(endpoint, e => new StrongBox<(TimeProvider, ResiliencePipeline)>((clock, Retries(e.Options, clock)))).Value;
        return ReferenceEquals(kept.Clock, clock) ? kept.Retries : Retries(endpoint.Options, clock);
    }

    private double Elapsed(long started) => _clock.GetElapsedTime(started).TotalMilliseconds;

    // MaxAttempts 1 (or no rate-limit retries) means no retry strategy at all: Polly refuses a retry of 0 attempts.
    private static ResiliencePipeline Retries(EndpointOptions options, TimeProvider clock)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = clock };
        if (options.MaxRateLimitRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ModelFaultException { Kind: ModelFaultKind.RateLimited }),
                MaxRetryAttempts = options.MaxRateLimitRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = TimeSpan.FromSeconds(60),
                UseJitter = true,
                DelayGenerator = args => ValueTask.FromResult((args.Outcome.Exception as ModelFaultException)?.RetryAfter),
            });
        }

        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ModelFaultException { IsRetryable: true, Kind: not ModelFaultKind.RateLimited }),
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(250),
                MaxDelay = TimeSpan.FromSeconds(10),
                UseJitter = true,
                DelayGenerator = args => ValueTask.FromResult((args.Outcome.Exception as ModelFaultException)?.RetryAfter),
            });
        }

        return builder.Build();
    }
}
