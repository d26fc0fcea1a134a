using Npgsql;

namespace Simulator.Cluster.Hosting;

/// <summary>
/// The one pooled connection source of a host (silo or client) on the cluster's database, shared by the
/// clustering and grain-storage providers and disposed with the host's services.
/// </summary>
internal sealed class ClusterDataSource(ClusterConfig config) : IAsyncDisposable, IDisposable
{
    private readonly Lazy<NpgsqlDataSource> _source = new(() => ClusterDatabase.Open(config));

    /// <summary>The data source, opened on first use (which reads the password from the environment).</summary>
    public NpgsqlDataSource Source => _source.Value;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _source.IsValueCreated ? _source.Value.DisposeAsync() : ValueTask.CompletedTask;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_source.IsValueCreated)
        {
            _source.Value.Dispose();
        }
    }
}
