using System.Threading.Channels;
using Simulator.Core.Events;

namespace Simulator.Storage.EventLog;

/// <summary>
/// The log writer of one run: drains the run's event channel into the log and flushes whenever it
/// has caught up, so every completed turn reaches the file without waiting for the next one.
/// </summary>
public static class RunLogWriter
{
    /// <summary>
    /// Writes until the channel completes, adding each event written to <paramref name="written"/> (in
    /// the log's order) and showing it to <paramref name="saved"/> once flushed, when given.
    /// Cancellation is not taken: a run's events must all land.
    /// </summary>
    public static async Task PumpAsync(ChannelReader<RunEvent> events, EventLogWriter log, ICollection<RunEvent>? written = null, Action<RunEvent>? saved = null)
    {
        // What arrived since the last flush is one batch (one frame of a chained log): a turn's
        // events, a turn's scores and alerts, or both when the writer fell behind.
        var batch = new List<RunEvent>();
        while (await events.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            batch.Clear();
            while (events.TryRead(out var e))
            {
                // The last guard of "no run writes what its reader refuses": an unsound event stops the log here.
                if (EventRules.Check(e) is { } problem)
                {
                    throw new InvalidDataException($"refused to write {e.GetType().Name} of turn {e.Turn}: {problem}");
                }

                batch.Add(e);
                written?.Add(e);
            }

            await log.AppendAsync(batch, CancellationToken.None).ConfigureAwait(false);
            await log.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            if (saved is not null)
            {
                batch.ForEach(saved);
            }
        }
    }
}
