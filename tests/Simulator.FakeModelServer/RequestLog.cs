namespace Simulator.FakeModelServer;

/// <summary>Hands out arrival indices and keeps every received request; thread-safe.</summary>
internal sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedRequest> _items = [];
    private int _lastIndex = -1;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public int NextIndex() => Interlocked.Increment(ref _lastIndex);

    public void Add(ReceivedRequest request)
    {
        lock (_gate)
        {
            _items.Add(request);
        }
    }

    /// <summary>A copy of the requests in arrival (index) order.</summary>
    public IReadOnlyCollection<ReceivedRequest> Snapshot()
    {
        ReceivedRequest[] copy;
        lock (_gate)
        {
            copy = [.. _items];
        }

        Array.Sort(copy, static (a, b) => a.Index.CompareTo(b.Index));
        return Array.AsReadOnly(copy);
    }

    /// <summary>Forgets every request and restarts the arrival indices at 0.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
            Interlocked.Exchange(ref _lastIndex, -1);
        }
    }
}
