namespace Simulator.FakeModelServer;

/// <summary>Hands out arrival indices and keeps every received request (or, when told not to, only counts them); thread-safe.</summary>
internal sealed class RequestLog(bool keep)
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedRequest> _items = [];
    private int _lastIndex = -1;
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public int NextIndex() => Interlocked.Increment(ref _lastIndex);

    public void Add(ReceivedRequest request)
    {
        if (keep)
        {
            lock (_gate)
            {
                _items.Add(request);
            }
        }

        Interlocked.Increment(ref _count);
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
            Interlocked.Exchange(ref _count, 0);
        }
    }
}
