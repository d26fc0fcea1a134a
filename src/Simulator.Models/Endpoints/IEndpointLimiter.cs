namespace Simulator.Models.Endpoints;

/// <summary>
/// The limits of one endpoint, shared by every session that uses it: in this process
/// (<see cref="EndpointLimits"/>) or across a cluster. An attempt waits for a lease and disposes it when it ends.
/// </summary>
public interface IEndpointLimiter : IDisposable
{
    /// <summary>Waits for a request slot that may spend <paramref name="tokens"/> tokens; dispose the lease when the attempt ends.</summary>
    ValueTask<IDisposable> AcquireAsync(int tokens, CancellationToken cancellationToken);
}

/// <summary>Makes the limiter of each endpoint as it is opened.</summary>
public interface IEndpointLimiterFactory
{
    /// <summary>The limiter of the endpoint called <paramref name="name"/>, configured by <paramref name="options"/>.</summary>
    IEndpointLimiter Create(string name, EndpointOptions options);
}

/// <summary>Limits held in this process: each endpoint's limits are shared by this process's sessions only.</summary>
public sealed class LocalEndpointLimiters : IEndpointLimiterFactory
{
    /// <inheritdoc />
    public IEndpointLimiter Create(string name, EndpointOptions options) => new EndpointLimits(options);
}
