using System.Threading.Channels;
using Simulator.Agents.Appraisal;
using Simulator.Core.Events;
using Simulator.Core.Runs;
using Simulator.Engine.Runs;
using Simulator.Engine.Sessions;
using Simulator.Monitoring.Raters;
using Simulator.Monitoring.Worker;

namespace Simulator.Engine.Tests;

public class MonitorOffCriticalPathTests
{
    [Fact]
    public async Task SessionLoop_MonitorBlocked_FinishesEveryTurnThenEveryScoreArrives()
    {
        using var engine = new EngineFixture();
        var (plan, persona, protocol) = engine.Runs.Resolve(new RunConfiguration
        {
            Persona = "persecutory-delusion",
            Therapist = "scripted:faithful",
            Protocol = "cbt-restructuring",
            Turns = 40,
        });
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scored = 0;
        var rater = new CallbackRater(async _ =>
        {
            await gate.Task; // The monitor cannot score anything until the session is over.
            Interlocked.Increment(ref scored);
        });
        var events = Channel.CreateUnbounded<RunEvent>();
        var turns = Channel.CreateUnbounded<TurnView>();
        var clock = engine.Get<TimeProvider>();
        var monitoring = new MonitorWorker([rater], clock).RunAsync(turns.Reader, events.Writer, CancellationToken.None);
        var loop = new SessionLoop(plan, engine.Get<IAppraiser>(), clock);

        var session = loop.RunAsync(events.Writer, turns.Writer, SessionPrefix.None, CancellationToken.None);
        var finished = await Task.WhenAny(session, Task.Delay(TimeSpan.FromSeconds(60)));

        // Had the loop waited for the monitor, it would still be stuck at turn 1 behind the gate.
        Assert.Same(session, finished);
        Assert.Equal(40, loop.CompletedTurns);
        Assert.Equal(0, Volatile.Read(ref scored));

        gate.SetResult();
        turns.Writer.Complete();
        await monitoring;
        events.Writer.Complete();
        var all = new List<RunEvent>();
        await foreach (var e in events.Reader.ReadAllAsync())
        {
            all.Add(e);
        }

        Assert.Equal(Enumerable.Range(1, 40), all.OfType<MonitorScored>().Select(m => m.Turn));
        Assert.Equal(40, all.OfType<StateStepped>().Count(s => s.Turn > 0));
    }

    [Fact]
    public async Task MonitorWorker_RaterThrows_EveryMetricUnscoredWithReason()
    {
        var rater = new CallbackRater(_ => throw new TimeoutException("judge timed out"));
        var events = Channel.CreateUnbounded<RunEvent>();
        var turns = Channel.CreateUnbounded<TurnView>();
        await turns.Writer.WriteAsync(new TurnView(1, "p", "t", CaseNotes.None));
        turns.Writer.Complete();

        await new MonitorWorker([rater], TimeProvider.System).RunAsync(turns.Reader, events.Writer, CancellationToken.None);

        Assert.True(events.Reader.TryRead(out var e));
        var scored = Assert.IsType<MonitorScored>(e);
        Assert.Empty(scored.Metrics);
        Assert.Contains("judge timed out", scored.Unscored["test.seen"]);
    }
}
