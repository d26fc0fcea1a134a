using System.Diagnostics;
using System.Globalization;
using Simulator.Core.Events;
using Simulator.Storage.EventLog;

namespace Simulator.Bench.Load;

/// <summary>
/// What the load harness samples beside a round (every 50 ms): the cores the process used, the thread pool's threads and queue, how
/// long a work item posted to it waits to run, and the garbage collector's collections and pauses.
/// </summary>
internal sealed class LoadProbe
{
    private readonly List<double> _poolWaitsMs = [];
    private readonly List<double> _cores = [];
    private readonly int[] _collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private readonly TimeSpan _pause = GC.GetTotalPauseDuration();
    private readonly long _allocated = GC.GetTotalAllocatedBytes();
    private readonly List<string> _timeline = ["seconds,calls,cores,pool_threads,pool_queue,pool_wait_ms,gc_pause_ms"];
    private readonly List<double> _machine = [];
    private int _maxThreads;
    private long _maxPending;

    /// <summary>Samples until <paramref name="stop"/> is cancelled.</summary>
    public async Task RunAsync(Func<int> calls, CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        var machine = MachineTicks();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var at = Stopwatch.GetTimestamp();
        while (!stop.IsCancellationRequested)
        {
            process.Refresh();
            var now = Stopwatch.GetTimestamp();
            var elapsedMs = Stopwatch.GetElapsedTime(at, now).TotalMilliseconds;
            if (elapsedMs < 10)
            {
                // The first pass comes straight after the start: too short an interval to divide by.
                await Task.Delay(50, CancellationToken.None);
                continue;
            }

            var used = process.TotalProcessorTime;
            _cores.Add((used - cpu).TotalMilliseconds / elapsedMs);
            (cpu, at) = (used, now);
            var ticks = MachineTicks();
            if (ticks.Total > machine.Total)
            {
                _machine.Add(Environment.ProcessorCount * (double)(ticks.Busy - machine.Busy) / (ticks.Total - machine.Total));
            }

            machine = ticks;
            _maxThreads = Math.Max(_maxThreads, ThreadPool.ThreadCount);
            _maxPending = Math.Max(_maxPending, ThreadPool.PendingWorkItemCount);
            var posted = Stopwatch.GetTimestamp();
            var waited = await Task.Run(() => Stopwatch.GetElapsedTime(posted).TotalMilliseconds, CancellationToken.None);
            _poolWaitsMs.Add(waited);
            _timeline.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Stopwatch.GetElapsedTime(started).TotalSeconds:0.000},{calls()},{_cores[^1]:0.00},{ThreadPool.ThreadCount},{ThreadPool.PendingWorkItemCount},{waited:0.0},{(GC.GetTotalPauseDuration() - _pause).TotalMilliseconds:0}"));
            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>Writes every sample to <paramref name="path"/> as CSV.</summary>
    public void WriteTimeline(string path) => File.WriteAllLines(path, _timeline);

    /// <summary>The garbage collector's pauses since the probe was made.</summary>
    public TimeSpan Paused => GC.GetTotalPauseDuration() - _pause;

    /// <summary>Cores other processes used on average while the probe ran (from <c>/proc/stat</c>).</summary>
    public double OtherCores => Math.Max(0, _machine.DefaultIfEmpty().Average() - _cores.DefaultIfEmpty().Average());

    /// <summary>One line: pool threads and queue at most, a pool item's wait (median, 99th percentile, max), GCs and pause.</summary>
    public string Summary(int calls)
    {
        var allocatedKb = (GC.GetTotalAllocatedBytes() - _allocated) / 1e3 / Math.Max(1, calls);
        var waits = _poolWaitsMs.Order().ToList();
        var pause = GC.GetTotalPauseDuration() - _pause;
        var busy = _cores.Count(c => c >= 0.9 * Environment.ProcessorCount) / (double)Math.Max(1, _cores.Count);
        return string.Create(CultureInfo.InvariantCulture,
            $"cores busy mean {_cores.DefaultIfEmpty().Average():0.00} (other processes {Math.Max(0, _machine.DefaultIfEmpty().Average() - _cores.DefaultIfEmpty().Average()):0.00}), all busy {busy:P0} of the time; pool threads ≤ {_maxThreads}, queue ≤ {_maxPending}, pool wait ms p50/p99/max {Quantile(waits, 0.5):0.0}/{Quantile(waits, 0.99):0.0}/{waits.LastOrDefault():0.0}; allocated {allocatedKb:0} KB a call; GCs {GC.CollectionCount(0) - _collections[0]}/{GC.CollectionCount(1) - _collections[1]}/{GC.CollectionCount(2) - _collections[2]}, pause {pause.TotalMilliseconds:0} ms");
    }

    /// <summary>
    /// Where each turn's time went, from the runs' logs: the therapist call as the client timed it, less
    /// the server's latency <paramref name="latency"/> (HTTP, limiter, server), and the rest of the turn
    /// between the end of one therapist call and the end of the next (patient, appraisal, log, waiting for a
    /// thread). Turns whose call ended within [<paramref name="from"/>, <paramref name="to"/>] only.
    /// </summary>
    public static (double CallOverMs, string Text) TurnTimes(IEnumerable<string> runFolders, TimeSpan latency, DateTimeOffset from, DateTimeOffset to)
    {
        var call = new List<double>();
        var rest = new List<double>();
        foreach (var folder in runFolders)
        {
            var calls = EventLogReader.Read(Path.Combine(folder, "events.msgpack")).Events
                .OfType<ModelCalled>().Where(c => c.Role == "therapist").ToList();
            for (var k = 1; k < calls.Count; k++)
            {
                if (calls[k].At < from || calls[k].At > to)
                {
                    continue;
                }

                call.Add(calls[k].LatencyMs - latency.TotalMilliseconds);
                rest.Add((calls[k].At - calls[k - 1].At).TotalMilliseconds - calls[k].LatencyMs);
            }
        }

        call.Sort();
        rest.Sort();
        return (call.DefaultIfEmpty().Average(), string.Create(CultureInfo.InvariantCulture,
            $"per turn ms (mean p50/p90/p99): call − L {call.DefaultIfEmpty().Average():0.0} {Quantile(call, 0.5):0.0}/{Quantile(call, 0.9):0.0}/{Quantile(call, 0.99):0.0}; rest of turn {rest.DefaultIfEmpty().Average():0.0} {Quantile(rest, 0.5):0.0}/{Quantile(rest, 0.9):0.0}/{Quantile(rest, 0.99):0.0}"));
    }

    /// <summary>The machine's busy and total CPU ticks (<c>/proc/stat</c>; zeros where there is none).</summary>
    private static (long Busy, long Total) MachineTicks()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
            var idle = fields[3] + fields[4];
            return (fields.Take(8).Sum() - idle, fields.Take(8).Sum());
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    private static double Quantile(List<double> sorted, double q) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, q * sorted.Count)];
}
