using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Simulator.Cluster.Executor;
using Simulator.Cluster.Hosting;
using Simulator.Engine.Studies;

namespace Simulator.Cluster.Nodes;

/// <summary>
/// A connection to the cluster for <c>simulator study --cluster</c>: an Orleans client host that finds
/// the cluster's gateways in its membership table, and the session executor that runs studies on it.
/// </summary>
public sealed class ClusterClient : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterClient(IHost host) => _host = host;

    /// <summary>The Orleans client.</summary>
    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>How long a connection may take before the cluster counts as down.</summary>
    public static TimeSpan DefaultPatience { get; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Connects to the cluster of <paramref name="cluster"/>; fails when no node of it answers within
    /// <paramref name="patience"/> (default <see cref="DefaultPatience"/>).
    /// </summary>
    public static async Task<ClusterClient> ConnectAsync(ClusterConfig cluster, ILoggerFactory logging, CancellationToken cancellationToken, TimeSpan? patience = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(logging);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.Replace(ServiceDescriptor.Singleton(logging));
        builder.UseOrleansClient(client => client.UseSimulatorCluster(cluster));
        var host = builder.Build();
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(patience ?? DefaultPatience);
        try
        {
            await host.StartAsync(waiting.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Inner<Core.Validation.InvalidInputException>(ex) is { } invalid)
        {
            // The cluster file is wrong (a password variable not set, ...): invalid input, as for `node`.
            host.Dispose();
            throw invalid;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Inner<Exception>(ex, ClusterDatabase.IsDatabaseProblem) is { } database)
        {
            // The database is down, refuses the user or lacks the tables: say which field of the cluster file to fix (exit 2, as `node` does).
            host.Dispose();
            throw ClusterDatabase.Explain(cluster, database);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            var why = ex is OperationCanceledException ? $"none within {(patience ?? DefaultPatience).TotalSeconds:0.#} s" : ex.Message;
            throw new ClusterUnavailableException($"no node of cluster '{cluster.Cluster}' answered ({why}); start one with: simulator node --cluster {cluster.File}", ex);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new ClusterClient(host);
    }

    private static T? Inner<T>(Exception? ex, Func<Exception, bool>? matches = null)
        where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T hit && (matches is null || matches(hit)))
            {
                return hit;
            }
        }

        return null;
    }

    /// <summary>The executor that runs a study's sessions on this cluster.</summary>
    public ClusterSessionExecutor Executor(EndpointSlots slots, TimeProvider clock) =>
        new(Client, slots, clock, _host.Services.GetRequiredService<ILoggerFactory>().CreateLogger<ClusterSessionExecutor>());

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        _host.Dispose();
    }
}

/// <summary>No node of the cluster could be reached.</summary>
public sealed class ClusterUnavailableException(string message, Exception inner) : Exception(message, inner);
