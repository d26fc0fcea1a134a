using System.Diagnostics.Tracing;
using System.Globalization;

namespace Simulator.Bench.Load;

/// <summary>
/// The runtime's GC events in process: each collection's generation and kind, and each pause (from the
/// suspension of managed threads to their restart), so a round's pauses can be told apart by generation.
/// </summary>
internal sealed class GcListener(bool sampleAllocations) : EventListener
{
    private readonly Lock _gate = new();
    private readonly List<(int Generation, int Type, double PauseMs, double PromotedMb)> _gcs = [];
    private DateTime _suspended;
    private int _generation = -1;
    private int _type;
    private double _promotedMb;
    private readonly Dictionary<string, long> _allocatedByType = new(StringComparer.Ordinal);

    // A field, so it is set before the base constructor shows the listener the runtime's event source.
    private readonly bool _sampleAllocations = sampleAllocations;

    /// <summary>Forgets what was seen so far.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _gcs.Clear();
            _allocatedByType.Clear();
        }
    }

    /// <summary>Per generation: collections, total and longest pause (background gen2s pause only briefly).</summary>
    public string Summary()
    {
        lock (_gate)
        {
            return string.Join("; ", _gcs.GroupBy(g => (g.Generation, g.Type)).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture,
                $"gen{g.Key.Generation}{(g.Key.Type == 1 ? " bg" : "")} ×{g.Count()} pause {g.Sum(x => x.PauseMs):0} ms (max {g.Max(x => x.PauseMs):0}), promoted {g.Average(x => x.PromotedMb):0.0} MB each")));
        }
    }

    /// <summary>The types most allocated (sampled), with their share of the samples.</summary>
    public string TopAllocations(int count)
    {
        lock (_gate)
        {
            var total = Math.Max(1, _allocatedByType.Values.Sum());
            return string.Join("\n", _allocatedByType.OrderByDescending(p => p.Value).Take(count).Select(p => string.Create(CultureInfo.InvariantCulture, $"  {100.0 * p.Value / total,5:0.0} % {p.Key}")));
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, _sampleAllocations ? EventLevel.Verbose : EventLevel.Informational, (EventKeywords)0x1);   // GC keyword
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        switch (e.EventName)
        {
            case "GCSuspendEEBegin_V1":
                _suspended = e.TimeStamp;
                break;
            case "GCStart_V2":
                _generation = Convert.ToInt32(e.Payload![1], CultureInfo.InvariantCulture);
                _type = Convert.ToInt32(e.Payload![3], CultureInfo.InvariantCulture);
                break;
            case "GCAllocationTick_V4":
                lock (_gate)
                {
                    var type = (string)e.Payload![5]!;
                    _allocatedByType[type] = _allocatedByType.GetValueOrDefault(type) + Convert.ToInt64(e.Payload![3], CultureInfo.InvariantCulture);
                }

                break;
            case "GCHeapStats_V2":
                // Bytes that survived the collection out of the generations it collected (gen0's, then gen1's).
                _promotedMb = (Convert.ToDouble(e.Payload![1], CultureInfo.InvariantCulture) + Convert.ToDouble(e.Payload![3], CultureInfo.InvariantCulture)) / 1e6;
                break;
            case "GCRestartEEEnd_V1" when _suspended != default:
                // The runtime's events reach a listener in batches, later: their own time stamps tell the pause.
                var pause = (e.TimeStamp - _suspended).TotalMilliseconds;
                _suspended = default;
                lock (_gate)
                {
                    _gcs.Add((_generation, _type, pause, _promotedMb));
                }

                break;
        }
    }
}
