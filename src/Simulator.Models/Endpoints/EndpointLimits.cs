using System.Threading.RateLimiting;

namespace Simulator.Models.Endpoints;

/// <summary>
/// The limits of one endpoint, shared by every role of every session that uses it: requests in
/// flight, requests per minute and tokens per minute (sliding windows of six segments).
/// </summary>
public sealed class EndpointLimits : IEndpointLimiter
{
    private readonly ConcurrencyLimiter _inFlight;
    private readonly SlidingWindowRateLimiter? _requests;
    private readonly SlidingWindowRateLimiter? _tokens;
    private readonly int _tokenLimit;

    /// <summary>Limits as configured in <paramref name="options"/>.</summary>
    public EndpointLimits(EndpointOptions options)
    {
        _inFlight = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, options.MaxConcurrency),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _requests = options.RequestsPerMinute > 0 ? PerMinute(options.RequestsPerMinute) : null;
        _tokenLimit = options.TokensPerMinute;
        _tokens = options.TokensPerMinute > 0 ? PerMinute(options.TokensPerMinute) : null;
    }

    /// <summary>
    /// Waits for a request slot that may spend <paramref name="tokens"/> tokens; dispose the lease
    /// when the attempt ends. Rate windows are taken before the concurrency slot, so a session
    /// waiting on the minute's budget does not hold a slot.
    /// </summary>
    public async ValueTask<IDisposable> AcquireAsync(int tokens, CancellationToken cancellationToken)
    {
        var leases = new List<RateLimitLease>(3);
        try
        {
            if (_requests is not null)
            {
                leases.Add(await Granted(_requests.AcquireAsync(1, cancellationToken), "requests per minute").ConfigureAwait(false));
            }

            if (_tokens is not null)
            {
                leases.Add(await Granted(_tokens.AcquireAsync(Math.Clamp(tokens, 1, _tokenLimit), cancellationToken), "tokens per minute").ConfigureAwait(false));
            }

            leases.Add(await Granted(_inFlight.AcquireAsync(1, cancellationToken), "concurrent requests").ConfigureAwait(false));
            return new Leases(leases);
        }
        catch
        {
            new Leases(leases).Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _inFlight.Dispose();
        _requests?.Dispose();
        _tokens?.Dispose();
    }

    private static SlidingWindowRateLimiter PerMinute(int limit) => new(new SlidingWindowRateLimiterOptions
    {
        PermitLimit = limit,
        Window = TimeSpan.FromMinutes(1),
        SegmentsPerWindow = 6,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    private static async ValueTask<RateLimitLease> Granted(ValueTask<RateLimitLease> pending, string limit)
    {
        var lease = await pending.ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new InvalidOperationException($"The endpoint's {limit} limiter refused a request.");
        }

        return lease;
    }

    private sealed class Leases(List<RateLimitLease> leases) : IDisposable
    {
        public void Dispose()
        {
            foreach (var lease in leases)
            {
                lease.Dispose();
            }
        }
    }
}
