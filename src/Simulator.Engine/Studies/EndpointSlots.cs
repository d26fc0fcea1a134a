using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Simulator.Core.Runs;
using Simulator.Models.Endpoints;
using Simulator.Models.References;

namespace Simulator.Engine.Studies;

/// <summary>
/// Session slots per model endpoint: a study runs at most an endpoint's <c>MaxConcurrency</c>
/// sessions against it at once (a session makes one call at a time, so more would only wait on the
/// endpoint's limiter while holding their memory). Scripted models take no slot.
/// </summary>
public sealed class EndpointSlots(IOptions<ModelsOptions> options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _slots = new(StringComparer.Ordinal);

    /// <summary>Waits for a slot on every endpoint <paramref name="config"/> uses; dispose the result to give them back.</summary>
    public async Task<IDisposable> TakeAsync(RunConfiguration config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var taken = new List<SemaphoreSlim>();
        try
        {
            foreach (var endpoint in EndpointsOf(config))
            {
                var slot = _slots.GetOrAdd(endpoint, e => new SemaphoreSlim(SlotsOf(e)));
                await slot.WaitAsync(cancellationToken).ConfigureAwait(false);
                taken.Add(slot);
            }
        }
        catch
        {
            Release(taken);
            throw;
        }

        return new Held(taken);
    }

    /// <summary>Sessions at once against <paramref name="endpoint"/>: its <c>MaxConcurrency</c> (at least 1).</summary>
    public int SlotsOf(string endpoint) => Math.Max(1, options.Value.Endpoint(endpoint)?.MaxConcurrency ?? 1);

    /// <summary>The endpoints a run's therapist and patient call, in a fixed order (so two sessions never wait on each other's).</summary>
    public static IReadOnlyList<string> EndpointsOf(RunConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return [.. new[] { config.Therapist, config.Patient }
            .Select(r => ModelReference.Parse(r, "model").EndpointName)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    private static void Release(List<SemaphoreSlim> taken) => taken.ForEach(s => s.Release());

    private sealed class Held(List<SemaphoreSlim> taken) : IDisposable
    {
        public void Dispose() => Release(taken);
    }
}
