namespace Simulator.Cluster.Grains;

/// <summary>
/// The limits of one model endpoint across the whole cluster (issue 10): every node's sessions take
/// their request leases here, so concurrent requests, requests per minute and tokens per minute hold
/// for the cluster, not per node. A lease not given back (its node died) expires after its time to live.
/// </summary>
public interface IEndpointLimiterGrain : IGrainWithStringKey
{
    /// <summary>
    /// Waits up to <paramref name="wait"/> for a lease that may spend <paramref name="tokens"/> tokens;
    /// returns its id, or 0 when none was free in time (ask again).
    /// </summary>
    Task<long> AcquireAsync(EndpointLimitsSpec limits, int tokens, TimeSpan wait);

    /// <summary>Gives a lease back.</summary>
    Task ReleaseAsync(long lease);
}

/// <summary>An endpoint's limits as a node configured them.</summary>
/// <param name="MaxConcurrency">Requests in flight at once.</param>
/// <param name="RequestsPerMinute">Requests per minute, or 0 for no limit.</param>
/// <param name="TokensPerMinute">Tokens per minute, or 0 for no limit.</param>
/// <param name="LeaseLifetime">How long a lease may be held: longer than any attempt may take.</param>
[GenerateSerializer, Immutable, Alias("simulator.EndpointLimitsSpec")]
public sealed record EndpointLimitsSpec(
    [property: Id(0)] int MaxConcurrency,
    [property: Id(1)] int RequestsPerMinute,
    [property: Id(2)] int TokensPerMinute,
    [property: Id(3)] TimeSpan LeaseLifetime);
