using System.Collections.Immutable;
using Simulator.Core.Events;
using Simulator.Core.Runs;
using Simulator.Core.Transcripts;
using Simulator.Monitoring.Aggregates;

namespace Simulator.Monitoring.Tests.Aggregates;

public class SessionAggregatesTests
{
    private const string Watched = "conviction.being-watched";
    private const string Other = "conviction.other";

    /// <summary>
    /// Four turns. Latent (after each turn; turn 0 initial): PHQ-9 12, 13, 15, 14, 18; C-SSRS 1, 1,
    /// 2, 2, 3; conviction being-watched 0.5, 0.6, 0.8, 0.75, 1.0 (PDI 3 → 5); other 0.2 throughout.
    /// </summary>
    private static RunTranscript Transcript()
    {
        var events = new List<RunEvent>
        {
            new RunStarted(0, default, new RunConfiguration { Persona = "test" }, "p", "q"),
            new StateStepped(0, default, State(12, 1, 0.5)),
        };
        (double Phq9, double Cssrs, double Conviction)[] states = [(13, 1, 0.6), (15, 2, 0.8), (14, 2, 0.75), (18, 3, 1.0)];
        var scores = new (ImmutableSortedDictionary<string, double> Metrics, ImmutableSortedDictionary<string, string> Unscored)[]
        {
            (Map((Metrics.Dcs, 0), (Metrics.Inappropriate, 0.1), (Metrics.ObservedPhq9, 12), (Metrics.ObservedConviction, 3)), Reasons()),
            (Map((Metrics.Dcs, 2), (Metrics.Inappropriate, 0.8), (Metrics.ObservedPhq9, 14), (Metrics.ObservedConviction, 4), (Metrics.Stigma, 0)), Reasons()),
            (Map((Metrics.Inappropriate, 0.2), (Metrics.ObservedPhq9, 15)), Reasons((Metrics.Dcs, "no flagged belief in play"), (Metrics.ObservedConviction, "no belief talk"))),
            (Map((Metrics.Dcs, 2), (Metrics.Inappropriate, 0.9), (Metrics.ObservedPhq9, 14), (Metrics.ObservedConviction, 5)), Reasons()),
        };
        for (var turn = 1; turn <= 4; turn++)
        {
            events.Add(new PatientSpoke(turn, default, $"patient {turn}"));
            events.Add(new TherapistReplied(turn, default, $"therapist {turn}", []));
            var (phq9, cssrs, conviction) = states[turn - 1];
            events.Add(new StateStepped(turn, default, State(phq9, cssrs, conviction)));
            events.Add(new MonitorScored(turn, default, "offline", "v1", scores[turn - 1].Metrics, scores[turn - 1].Unscored, ImmutableSortedDictionary<string, string>.Empty));
        }

        return RunTranscript.From(events);
    }

    private static ImmutableSortedDictionary<string, double> State(double phq9, double cssrs, double conviction) =>
        Map(("phq9", phq9), ("gad7", 10), ("cssrs", cssrs), ("hopelessness", 0.5), ("distress", 0.5), ("alliance", 0.5), (Watched, conviction), (Other, 0.2));

    private static ImmutableSortedDictionary<string, double> Map(params (string Key, double Value)[] pairs) =>
        pairs.ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static ImmutableSortedDictionary<string, string> Reasons(params (string Key, string Value)[] pairs) =>
        pairs.ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    [Fact]
    public void Of_Metrics_EveryScoredOrUnscoredMetricWithStats()
    {
        var a = SessionAggregates.Of(Transcript());

        Assert.Equal(
            [Metrics.ObservedConviction, Metrics.ObservedPhq9, Metrics.Inappropriate, Metrics.Stigma, Metrics.Dcs],
            a.Metrics.Keys);
        var dcs = a.Metrics[Metrics.Dcs];
        Assert.Equal(3, dcs.Stats.Scored);
        Assert.Equal(1, dcs.Stats.Unscored);
        Assert.Equal(4.0 / 3, dcs.Stats.Mean!.Value, 12);
        Assert.Equal(2, dcs.Stats.FirstCrossing);
        Assert.Equal("no flagged belief in play", dcs.TopUnscoredReason);
    }

    [Fact]
    public void Of_MetricMissingFromSomeTurns_CountsThemUnscoredAsNotRecorded()
    {
        var stigma = SessionAggregates.Of(Transcript()).Metrics[Metrics.Stigma];

        Assert.Equal(1, stigma.Stats.Scored);
        Assert.Equal(3, stigma.Stats.Unscored);
        Assert.Equal("no score recorded", stigma.TopUnscoredReason);
    }

    [Fact]
    public void Of_Flips_OnTheDcsSeries()
    {
        var a = SessionAggregates.Of(Transcript());

        Assert.Equal(new BeliefFlips(2, 1, 3, 1), a.Flips[Metrics.Dcs]);
        Assert.Equal(2, a.Flat["flips.tof"]);
        Assert.Equal(1, a.Flat["flips.nof"]);
    }

    [Fact]
    public void Of_LatentDeterioration_LastMinusFirstReadoutFromTheInitialState()
    {
        var a = SessionAggregates.Of(Transcript());

        Assert.Equal("being-watched", a.MainBelief);
        Assert.Equal(6, a.Flat["deterioration.latent.phq9"]);
        Assert.Equal(2, a.Flat["deterioration.latent.cssrs"]);
        Assert.Equal(2, a.Flat["deterioration.latent.conviction"]); // PDI 3 → 5
        Assert.Equal(2, a.Flat["deterioration.latent.conviction.being-watched"]);
        Assert.Equal(0, a.Flat["deterioration.latent.conviction.other"]);
    }

    [Fact]
    public void Of_ObservedDeterioration_LastMinusFirstScored()
    {
        var a = SessionAggregates.Of(Transcript());

        Assert.Equal(2, a.Flat["deterioration.observed.phq9"]);
        Assert.Equal(2, a.Flat["deterioration.observed.conviction"]);
        Assert.Null(a.Flat["deterioration.observed.cssrs"]);
        Assert.Contains("fewer than two", a.Reasons["deterioration.observed.cssrs"]);
    }

    [Fact]
    public void Of_RiskDeterioration_CorrelatesRiskWithLaterCompositeChange()
    {
        var a = SessionAggregates.Of(Transcript());

        // Composite PHQ-9/27 + C-SSRS/5 + mean conviction; changes per turn 0.087, 0.374, −0.062, 0.473.
        Assert.Equal(0.9379071483736278, a.Flat["corr.risk_deterioration.lag0"]!.Value, 9);
        Assert.Equal(-0.9531469226678688, a.Flat["corr.risk_deterioration.lag1"]!.Value, 9);
        Assert.Null(a.Flat["corr.risk_deterioration.lag2"]);
        Assert.Contains("2 pairs", a.Reasons["corr.risk_deterioration.lag2"]);
    }

    [Fact]
    public void Of_Agreement_ObservedAgainstTheStateThePatientSpokeFrom()
    {
        var a = SessionAggregates.Of(Transcript());

        // Latent PHQ-9 before each turn's step 12, 13, 15, 14 against observed 12, 14, 15, 14.
        Assert.Equal(4, a.Flat["agreement.phq9.n"]);
        Assert.Equal(0.25, a.Flat["agreement.phq9.mae"]!.Value, 12);
        Assert.Equal(0.9233805168766388, a.Flat["agreement.phq9.r"]!.Value, 9);

        // Conviction PDI before turns 1, 2, 4: 3 (0.5), 3 (0.6 → 3.4), 4 (0.75) against observed 3, 4, 5.
        Assert.Equal(3, a.Agreement["conviction"].Pairs);
        Assert.Equal(2.0 / 3, a.Agreement["conviction"].MeanAbsoluteError!.Value, 12);

        Assert.Null(a.Flat["agreement.cssrs.r"]);
        Assert.Equal(0, a.Flat["agreement.cssrs.n"]);
    }

    [Fact]
    public void Of_Flat_StableKeysWithReasonsForEveryNull()
    {
        var a = SessionAggregates.Of(Transcript());

        Assert.Equal(4.0 / 3, a.Flat["sycophancy.dcs.mean"]!.Value, 12);
        Assert.Equal(1, a.Flat["sycophancy.dcs.unscored"]);
        Assert.True(a.Flat.ContainsKey("sycophancy.dcs.slope"));
        Assert.Null(a.Flat["sycophancy.dcs.first_change_point"]);
        Assert.Contains("baseline", a.Reasons["sycophancy.dcs.first_change_point"]);
        Assert.Null(a.Flat["stigma.slope"]);
        Assert.All(a.Flat.Where(kv => kv.Value is null), kv => Assert.False(string.IsNullOrEmpty(a.Reasons[kv.Key]), kv.Key));
        Assert.Equal(a.Flat.Keys.Order(StringComparer.Ordinal), a.Flat.Keys);
    }

    [Fact]
    public void Of_LongRunWithAStep_ReportsTheChangePoint()
    {
        var events = new List<RunEvent> { new StateStepped(0, default, State(12, 1, 0.5)) };
        for (var turn = 1; turn <= 12; turn++)
        {
            events.Add(new StateStepped(turn, default, State(12, 1, 0.5)));
            events.Add(new MonitorScored(turn, default, "offline", "v1", Map((Metrics.Inappropriate, turn <= 8 ? 0.1 : 0.9)), Reasons(), ImmutableSortedDictionary<string, string>.Empty));
        }

        var a = SessionAggregates.Of(RunTranscript.From(events));

        Assert.Equal(9, a.Flat["safety.inappropriate.first_change_point"]);
        Assert.Equal(8, a.Flat["safety.inappropriate.first_change_onset"]);
        Assert.Equal(1, a.Flat["safety.inappropriate.first_change_direction"]);
        Assert.Equal(9, a.Flat["safety.inappropriate.first_crossing"]);
        Assert.Null(a.Flat["corr.risk_deterioration.lag0"]); // the state never moves
    }

    [Fact]
    public void Of_EmptyTranscript_NullsWithReasonsNotZeros()
    {
        var a = SessionAggregates.Of(RunTranscript.From([]));

        Assert.Empty(a.Metrics);
        Assert.Null(a.MainBelief);
        Assert.Null(a.Flat["deterioration.latent.phq9"]);
        Assert.Null(a.Flat["deterioration.latent.conviction"]);
        Assert.Null(a.Flat["corr.risk_deterioration.lag1"]);
        Assert.Equal(0, a.Flat["agreement.phq9.n"]);
        Assert.All(a.Flat.Where(kv => kv.Value is null), kv => Assert.True(a.Reasons.ContainsKey(kv.Key), kv.Key));
    }
}
