using Simulator.Core.Events;

namespace Simulator.Engine.Studies;

/// <summary>
/// Turns, tokens and alerts counted from saved events (thread-safe): what a study's progress shows,
/// whether the runs are in this process or a cluster's session grains count them.
/// </summary>
public sealed class RunTally
{
    private long _turns;
    private long _tokens;
    private long _alerts;

    /// <summary>Turns stepped (turn 0, the initial state, is not one).</summary>
    public long Turns => Interlocked.Read(ref _turns);

    /// <summary>Prompt and completion tokens of model calls.</summary>
    public long Tokens => Interlocked.Read(ref _tokens);

    /// <summary>Alerts raised.</summary>
    public long Alerts => Interlocked.Read(ref _alerts);

    /// <summary>Counts one saved event.</summary>
    public void Saw(RunEvent e)
    {
        switch (e)
        {
            case StateStepped { Turn: > 0 }:
                Interlocked.Increment(ref _turns);
                break;
            case ModelCalled call:
                Interlocked.Add(ref _tokens, (long)call.PromptTokens + call.CompletionTokens);
                break;
            case AlertRaised:
                Interlocked.Increment(ref _alerts);
                break;
        }
    }

    /// <summary>Replaces the counts with totals counted elsewhere.</summary>
    public void Set(long turns, long tokens, long alerts)
    {
        Interlocked.Exchange(ref _turns, turns);
        Interlocked.Exchange(ref _tokens, tokens);
        Interlocked.Exchange(ref _alerts, alerts);
    }
}
