using Microsoft.Extensions.Logging;
using Simulator.Cluster.Grains;
using Simulator.Models.Endpoints;

namespace Simulator.Cluster.Executor;

/// <summary>
/// On a node, endpoint limits come from the cluster's <see cref="IEndpointLimiterGrain"/> of each
/// endpoint, so a limit of C concurrent requests holds for all nodes together.
/// </summary>
public sealed partial class ClusterEndpointLimiters(IGrainFactory grains, ILogger<ClusterEndpointLimiters> log) : IEndpointLimiterFactory
{
    /// <summary>How long one acquisition waits in the grain before asking again (under Orleans' response timeout).</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public IEndpointLimiter Create(string name, EndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // A lease outlives every attempt: the per-attempt timeout, and a margin for the reply's reading.
        var spec = new EndpointLimitsSpec(
            Math.Max(1, options.MaxConcurrency), options.RequestsPerMinute, options.TokensPerMinute, TimeSpan.FromSeconds(options.TimeoutSeconds + 30));
        return new Limiter(grains.GetGrain<IEndpointLimiterGrain>(name), spec, this);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A lease of endpoint limits could not be given back ({Reason}); it expires on its own")]
    private partial void LogReleaseFailed(string reason);

    private sealed class Limiter(IEndpointLimiterGrain grain, EndpointLimitsSpec spec, ClusterEndpointLimiters owner) : IEndpointLimiter
    {
        public async ValueTask<IDisposable> AcquireAsync(int tokens, CancellationToken cancellationToken)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var lease = await grain.AcquireAsync(spec, tokens, Wait).WaitAsync(cancellationToken).ConfigureAwait(false);
                if (lease != 0)
                {
                    return new Lease(this, lease);
                }
            }
        }

        public void Dispose()
        {
        }

        public async Task ReleaseAsync(long lease)
        {
            try
            {
                await grain.ReleaseAsync(lease).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                owner.LogReleaseFailed(ex.Message);
            }
        }
    }

    /// <summary>Given back when the attempt ends (without waiting for the grain's answer; a lost release expires).</summary>
    private sealed class Lease(Limiter limiter, long id) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                _ = limiter.ReleaseAsync(id);
            }
        }
    }
}
