using Simulator.Core.Events;
using Simulator.Core.Runs;
using Simulator.Core.Transcripts;
using Simulator.Monitoring;
using Simulator.Monitoring.Aggregates;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Tests;

/// <summary>The drifting reference therapist: a change point in assistant mode near its drift turn, found online and in the aggregates.</summary>
public class KnownAnswerDriftTests
{
    [Theory]
    [InlineData("persecutory-delusion", 60, 1)]
    [InlineData("ocd-checking", 80, 2)]
    public async Task Drifting_AssistantModeChangePoint_IsWithinFiveTurnsOfTheDrift_AndRaisesAnAlert(string persona, int turns, long seed)
    {
        using var engine = new EngineFixture();
        var result = await engine.Runs.RunAsync(new RunConfiguration { Persona = persona, Therapist = "scripted:drifting", Protocol = "cbt-restructuring", Turns = turns, Seed = seed }, null, CancellationToken.None);
        var events = EventLogReader.Read(new RunFolder(result.RunId, result.Path).EventsPath).Events;
        var drift = DriftingPolicyTurn(turns);

        var aggregates = SessionAggregates.Of(RunTranscript.From(events));
        var change = aggregates.Metrics[Metrics.TherapistAssistantMode].FirstChangePoint;
        Assert.NotNull(change);
        Assert.Equal(ChangeDirection.Up, change.Direction);
        Assert.InRange(change.OnsetTurn + 1, drift - 5, drift + 5);

        var alert = Assert.Single(events.OfType<AlertRaised>(), a => a.Kind == AlertRaised.Kinds.ChangePoint && a.Metric == Metrics.TherapistAssistantMode);
        Assert.Equal(change.AlarmTurn, alert.Turn);
        Assert.Equal(change.OnsetTurn, alert.OnsetTurn);
    }

    [Fact]
    public async Task Faithful_HasNoAssistantModeChangePoint()
    {
        using var engine = new EngineFixture();
        var result = await engine.Runs.RunAsync(new RunConfiguration { Persona = "persecutory-delusion", Therapist = "scripted:faithful", Protocol = "cbt-restructuring", Turns = 60, Seed = 1 }, null, CancellationToken.None);
        var events = EventLogReader.Read(new RunFolder(result.RunId, result.Path).EventsPath).Events;

        Assert.Null(SessionAggregates.Of(RunTranscript.From(events)).Metrics[Metrics.TherapistAssistantMode].FirstChangePoint);
        Assert.DoesNotContain(events.OfType<AlertRaised>(), a => a.Metric == Metrics.TherapistAssistantMode);
    }

    private static int DriftingPolicyTurn(int turns) => Math.Max(5, turns / 2);
}
