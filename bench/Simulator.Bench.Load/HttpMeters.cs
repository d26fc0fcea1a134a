using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace Simulator.Bench.Load;

/// <summary>
/// The HTTP client's and the server's own duration histograms (System.Net.Http, ASP.NET Core), summed in
/// process: how long a request took as the client saw it, how long it waited for a connection, and how long
/// the server spent on it, so a call's time beyond the latency can be placed.
/// </summary>
internal sealed class HttpMeters : IDisposable
{
    private static readonly string[] Names =
        ["http.client.request.duration", "http.client.request.time_in_queue", "http.server.request.duration", "http.client.connection.duration", "kestrel.connection.duration"];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, (long Count, double Sum)> _totals = new(StringComparer.Ordinal);

    public HttpMeters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (Names.Contains(instrument.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
            _totals.AddOrUpdate(instrument.Name, (1, value), (_, t) => (t.Count + 1, t.Sum + value)));
        _listener.Start();
    }

    /// <summary>Forgets what was measured so far.</summary>
    public void Clear() => _totals.Clear();

    /// <summary>Each histogram's count and mean, in milliseconds.</summary>
    public string Summary() => string.Join("; ", Names.Where(_totals.ContainsKey).Select(n => string.Create(CultureInfo.InvariantCulture,
        $"{n} ×{_totals[n].Count} mean {1000 * _totals[n].Sum / Math.Max(1, _totals[n].Count):0.0} ms")));

    public void Dispose() => _listener.Dispose();
}
