using System.Threading.Channels;
using Simulator.Core.Events;
using Simulator.Core.Transcripts;
using Simulator.Monitoring.Raters;
using Simulator.Monitoring.Worker;
using Simulator.Storage.Imports;

namespace Simulator.Engine.Scoring;

/// <summary>
/// Scores conversations from anywhere turn by turn with a run's monitor (the standing raters, and
/// any judges with their panel), seeing each turn as a session's monitor would: the opening and
/// recent exchanges and the case notes given (none for transcripts without a persona card).
/// </summary>
public static class TranscriptScorer
{
    /// <summary>The merged verdict of every turn of <paramref name="conversation"/>, in turn order.</summary>
    public static async Task<IReadOnlyList<(int Turn, ScoreLayers Scores)>> ScoreAsync(
        ChatConversation conversation, IReadOnlyList<IRater> raters, CaseNotes notes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var turns = Channel.CreateUnbounded<TurnView>();
        var all = conversation.Turns.ToArray();
        for (var i = 0; i < all.Length; i++)
        {
            turns.Writer.TryWrite(TurnView.Of(all, i, notes));
        }

        turns.Writer.Complete();
        var events = Channel.CreateUnbounded<RunEvent>();
        await new MonitorWorker(raters, clock).RunAsync(turns.Reader, events.Writer, cancellationToken).ConfigureAwait(false);
        events.Writer.Complete();
        var layers = new List<MonitorScored>();
        await foreach (var e in events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (e is MonitorScored m)
            {
                layers.Add(m);
            }
        }

        return [.. layers.GroupBy(l => l.Turn).OrderBy(g => g.Key).Select(g => (g.Key, ScoreLayers.Merge(g)))];
    }
}
