using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;
using Simulator.Models.Endpoints;

namespace Simulator.Models.Resilience;

/// <summary>
/// The Polly pipelines of an endpoint, kept in the process's <see cref="ResiliencePipelineRegistry{TKey}"/>
/// under the endpoint's name: made once, shared by every session and role on the endpoint.
/// </summary>
public static class EndpointPipelines
{
    /// <summary>The key the process's registry of endpoint pipelines is registered under in DI.</summary>
    public const string RegistryKey = "simulator.endpoints";

    /// <summary>A registry whose pipelines keep time by <paramref name="clock"/> (a fake one in tests).</summary>
    public static ResiliencePipelineRegistry<string> NewRegistry(TimeProvider clock) => new(new ResiliencePipelineRegistryOptions<string>
    {
        BuilderFactory = () => new ResiliencePipelineBuilder { TimeProvider = clock },
    });

    /// <summary>
    /// The retries of a call (key <c>&lt;endpoint&gt;/retries</c>): rate limits (429) on their own allowance,
    /// <see cref="EndpointOptions.MaxRateLimitRetries"/>, each after the server's Retry-After; other retryable
    /// faults up to <see cref="EndpointOptions.MaxAttempts"/> attempts, after the server's wait or an exponential
    /// backoff with jitter. The retry strategies hold no state.
    /// </summary>
    public static ResiliencePipeline Retries(ResiliencePipelineRegistry<string> registry, string endpoint, EndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        // An allowance of 0 (MaxAttempts 1, MaxRateLimitRetries 0) adds no strategy: Polly refuses a retry of 0 attempts.
        return registry.GetOrAddPipeline(endpoint + "/retries", builder =>
        {
            if (options.MaxRateLimitRetries > 0)
            {
                builder.AddRetry(new RetryStrategyOptions
                {
                    Name = "rate-limits",
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
                    Name = "faults",
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ModelFaultException { IsRetryable: true, Kind: not ModelFaultKind.RateLimited }),
                    MaxRetryAttempts = options.MaxAttempts - 1,
                    BackoffType = DelayBackoffType.Exponential,
                    Delay = TimeSpan.FromMilliseconds(250),
                    MaxDelay = TimeSpan.FromSeconds(10),
                    UseJitter = true,
                    DelayGenerator = args => ValueTask.FromResult((args.Outcome.Exception as ModelFaultException)?.RetryAfter),
                });
            }
        });
    }

    /// <summary>
    /// The guard of each attempt (key <c>&lt;endpoint&gt;/attempt</c>): the endpoint's circuit breaker, which opens for
    /// <see cref="EndpointOptions.BreakerBreakSeconds"/> when <see cref="EndpointOptions.BreakerFailureRatio"/> of at least
    /// <see cref="EndpointOptions.BreakerMinimumThroughput"/> attempts in <see cref="EndpointOptions.BreakerSamplingSeconds"/>
    /// hit endpoint faults (timeouts among them), around Polly's timeout of <see cref="EndpointOptions.TimeoutSeconds"/>.
    /// The breaker holds the endpoint's state, shared by all its sessions.
    /// </summary>
    public static ResiliencePipeline Attempt(ResiliencePipelineRegistry<string> registry, string endpoint, EndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        return registry.GetOrAddPipeline(endpoint + "/attempt", builder => builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(options.BreakerSamplingSeconds),
                BreakDuration = TimeSpan.FromSeconds(options.BreakerBreakSeconds),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ModelFaultException { IsEndpointFault: true } or TimeoutRejectedException),
            })
            .AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds)));
    }
}
