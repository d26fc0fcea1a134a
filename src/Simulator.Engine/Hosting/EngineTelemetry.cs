using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Simulator.Engine.Hosting;

/// <summary>
/// The engine's traces and metrics: a span per run (<c>run</c>) and per turn (<c>turn</c>), with the model calls of
/// a turn (source <see cref="Simulator.Models.Pipeline.ModelTelemetry.SourceName"/>) beneath it; counters of runs
/// and turns. Nothing is recorded unless a listener (the OTLP export, <c>--otlp</c>) is on.
/// </summary>
public static class EngineTelemetry
{
    /// <summary>The name of the engine's activity source and meter.</summary>
    public const string SourceName = "Simulator.Engine";

    /// <summary>The run id, a tag of the run's span and baggage of everything beneath it (every span of the run carries it when exported).</summary>
    public const string RunIdTag = "simulator.run.id";

    /// <summary>The turn's number, a tag of the turn's span.</summary>
    public const string TurnTag = "simulator.turn";

    private static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(SourceName);
    private static readonly Counter<long> Runs = Meter.CreateCounter<long>("simulator.runs", "{run}", "Runs started (or resumed, or branched) in this process.");
    private static readonly Counter<long> Turns = Meter.CreateCounter<long>("simulator.turns", "{turn}", "Turns completed or replayed in this process.");

    /// <summary>Starts the span of the run <paramref name="runId"/>; dispose it when the run's session ends.</summary>
    public static Activity? StartRun(string runId)
    {
        Runs.Add(1);
        var activity = Source.StartActivity("run");
        activity?.SetTag(RunIdTag, runId);
        activity?.SetBaggage(RunIdTag, runId);
        return activity;
    }

    /// <summary>Starts the span of turn <paramref name="turn"/>; dispose it when the turn ends.</summary>
    public static Activity? StartTurn(int turn)
    {
        Turns.Add(1);
        return Source.StartActivity("turn")?.SetTag(TurnTag, turn);
    }
}
