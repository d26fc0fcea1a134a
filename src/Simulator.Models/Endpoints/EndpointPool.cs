using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace Simulator.Models.Endpoints;

/// <summary>The endpoints opened so far, one per name for the life of the process, so every session shares their limits.</summary>
/// <remarks>Their retries and breakers live in <paramref name="pipelines"/>, the process's registry, under their names.</remarks>
public sealed class EndpointPool(
    IOptions<ModelsOptions> options,
    TimeProvider clock,
    IEndpointLimiterFactory limiters,
    [FromKeyedServices(Resilience.EndpointPipelines.RegistryKey)] ResiliencePipelineRegistry<string> pipelines) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<ModelEndpoint>> _open = new(StringComparer.Ordinal);

    /// <summary>The configuration the pool reads.</summary>
    public ModelsOptions Options => options.Value;

    /// <summary>The endpoint called <paramref name="name"/>, opened on first use; <paramref name="key"/> is its key, read by the caller.</summary>
    public ModelEndpoint Get(string name, EndpointOptions endpoint, string? key) =>
        _open.GetOrAdd(name, n => new Lazy<ModelEndpoint>(() => new ModelEndpoint(n, endpoint, key, clock, limiters, pipelines))).Value;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var endpoint in _open.Values.Where(l => l.IsValueCreated))
        {
            endpoint.Value.Dispose();
        }
    }
}
