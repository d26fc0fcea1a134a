using System.Threading.Channels;
using Simulator.Agents.Appraisal;
using Simulator.Core.Events;
using Simulator.Core.Personas;
using Simulator.Core.Runs;
using Simulator.Core.Transcripts;
using Simulator.Engine.Sessions;
using Simulator.Monitoring.Raters;

namespace Simulator.Engine.Runs;

/// <summary>
/// Runs a session in memory, without a run folder or a monitor, to show how a persona's latent
/// state moves under a therapist (<c>personas show --trajectory</c>).
/// </summary>
public sealed class TrajectoryPreview(RunService runs, IAppraiser appraiser, TimeProvider clock)
{
    /// <summary>The session's turns, each with the state after it.</summary>
    public async Task<RunTranscript> RunAsync(RunConfiguration config, CancellationToken cancellationToken)
    {
        var (plan, persona, protocol) = runs.Resolve(config);
        var events = Channel.CreateUnbounded<RunEvent>(new UnboundedChannelOptions { SingleReader = true });
        events.Writer.TryWrite(new RunStarted(0, clock.GetUtcNow(), plan.Configuration, persona.Hash, protocol.Hash));
        events.Writer.TryWrite(new StateStepped(0, clock.GetUtcNow(), plan.Persona.InitialState().Variables));
        var turns = Channel.CreateUnbounded<TurnView>();
        var loop = new SessionLoop(plan, appraiser, clock);
        await loop.RunAsync(events.Writer, turns.Writer, SessionPrefix.None, cancellationToken).ConfigureAwait(false);
        events.Writer.Complete();
        var all = new List<RunEvent>();
        while (events.Reader.TryRead(out var e))
        {
            all.Add(e);
        }

        return RunTranscript.From(all);
    }
}
