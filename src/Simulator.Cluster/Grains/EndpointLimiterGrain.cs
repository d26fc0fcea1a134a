using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Simulator.Models.Endpoints;

namespace Simulator.Cluster.Grains;

/// <summary>
/// Holds one endpoint's <see cref="EndpointLimits"/> for the cluster. Reentrant: many acquisitions
/// wait at once in the limiters' queues (oldest first); a sweep every few seconds takes back leases
/// held past their lifetime, which only a dead node's leases are.
/// </summary>
[Reentrant]
public sealed partial class EndpointLimiterGrain(TimeProvider clock, ILogger<EndpointLimiterGrain> log) : Grain, IEndpointLimiterGrain
{
    private readonly Dictionary<long, (IDisposable Lease, long Taken)> _leases = [];
    private EndpointLimits? _limits;
    private EndpointLimitsSpec? _spec;
    private long _next;
    private IGrainTimer? _sweep;

    /// <inheritdoc />
    public async Task<long> AcquireAsync(EndpointLimitsSpec limits, int tokens, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (_limits is null || _spec != limits)
        {
            if (_spec is not null)
            {
                LogChanged(this.GetPrimaryKeyString(), _spec.ToString(), limits.ToString());
            }

            // Leases of the old limits stay valid until given back; new ones follow the new limits.
            _limits = new EndpointLimits(new EndpointOptions
            {
                MaxConcurrency = limits.MaxConcurrency,
                RequestsPerMinute = limits.RequestsPerMinute,
                TokensPerMinute = limits.TokensPerMinute,
            });
            _spec = limits;
        }

        _sweep ??= this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions
        {
            DueTime = TimeSpan.FromSeconds(5),
            Period = TimeSpan.FromSeconds(5),
            Interleave = true,
        });

        using var timeout = new CancellationTokenSource(wait, clock);
        try
        {
            var lease = await _limits.AcquireAsync(tokens, timeout.Token).ConfigureAwait(true);
            var id = ++_next;
            _leases[id] = (lease, clock.GetTimestamp());
            return id;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return 0;
        }
    }

    /// <inheritdoc />
    public Task ReleaseAsync(long lease)
    {
        if (_leases.Remove(lease, out var held))
        {
            held.Lease.Dispose();
        }

        return Task.CompletedTask;
    }

    private Task SweepAsync(CancellationToken cancellationToken)
    {
        if (_spec is null)
        {
            return Task.CompletedTask;
        }

        foreach (var (id, held) in _leases.Where(l => clock.GetElapsedTime(l.Value.Taken) > _spec.LeaseLifetime).ToList())
        {
            LogExpired(this.GetPrimaryKeyString(), id);
            _leases.Remove(id);
            held.Lease.Dispose();
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Endpoint {Endpoint}: nodes disagree on its limits ({Old} then {New}); the latest applies to new leases")]
    private partial void LogChanged(string endpoint, string old, string @new);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Endpoint {Endpoint}: lease {Lease} expired unreturned (its node is gone); its slot is free again")]
    private partial void LogExpired(string endpoint, long lease);
}
