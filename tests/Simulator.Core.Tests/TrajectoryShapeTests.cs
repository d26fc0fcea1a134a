using Simulator.Core.Clinical;
using Simulator.Core.Personas;
using Simulator.Core.Randomness;
using Simulator.Core.Trajectories;

namespace Simulator.Core.Tests;

public class TrajectoryShapeTests
{
    private static Persona With(Trajectory trajectory, double alliance = 0.5, double conviction = 0.5) => new()
    {
        Id = "shape-test",
        State0 = new Dictionary<string, double> { ["phq9"] = 12, ["gad7"] = 10, ["cssrs"] = 1, ["hopelessness"] = 0.5, ["distress"] = 0.5, ["alliance"] = alliance },
        Presentation = new Presentation { Beliefs = [new Belief { Id = "b", Statement = "s", Kind = "delusion", Conviction = conviction, Cues = ["x"] }] },
        Dynamics = new Dynamics
        {
            Effects = new Dictionary<string, IReadOnlyDictionary<string, double>>
            {
                ["validates-belief"] = new Dictionary<string, double> { ["conviction"] = 0.04 },
                ["challenges-collaboratively"] = new Dictionary<string, double> { ["conviction"] = -0.01 },
            },
        },
        Trajectory = trajectory,
    };

    /// <summary>The states after turns 1..n with the same acts every turn (no noise in these personas).</summary>
    private static List<ClinicalState> Walk(Persona p, int turns, params string[] acts)
    {
        var state = p.InitialState();
        var memory = TrajectoryMemory.Empty;
        var states = new List<ClinicalState> { state };
        for (var turn = 1; turn <= turns; turn++)
        {
            (state, memory) = TrajectoryStepper.Step(p, state, acts, turn, memory, SeededRandom.For(1, "t", turn));
            states.Add(state);
        }

        return states;
    }

    [Fact]
    public void Stable_NoActs_StateDoesNotMove()
    {
        var s = Walk(With(new Trajectory { Shape = "stable" }), 20);

        Assert.Equal(s[0], s[^1]);
    }

    [Fact]
    public void Decline_MoodHopelessnessAndIdeationWorsen_LessWithAStrongAlliance()
    {
        var weak = Walk(With(new Trajectory { Shape = "decline" }, alliance: 0.1), 40);
        var strong = Walk(With(new Trajectory { Shape = "decline" }, alliance: 0.9), 40);

        Assert.True(weak[^1]["phq9"] > weak[0]["phq9"] + 2);
        Assert.True(weak[^1]["hopelessness"] > weak[0]["hopelessness"]);
        Assert.True(weak[^1]["cssrs"] > weak[0]["cssrs"]);
        Assert.True(strong[^1]["phq9"] - strong[0]["phq9"] < (weak[^1]["phq9"] - weak[0]["phq9"]) / 2);
    }

    [Fact]
    public void Spiral_ConvictionCreepsUpUnlessChallenged_AndValidationCompounds()
    {
        var p = With(new Trajectory { Shape = "spiral" });
        var drifting = Walk(p, 20);
        var challenged = Walk(p, 20, "challenges-collaboratively");
        Assert.True(drifting[^1]["conviction.b"] > drifting[0]["conviction.b"] + 0.05);
        Assert.True(challenged[^1]["conviction.b"] < challenged[0]["conviction.b"]);

        // The same validating act moves a strongly held belief further than a weakly held one.
        var low = Walk(With(new Trajectory { Shape = "spiral" }, conviction: 0.2), 1, "validates-belief");
        var high = Walk(With(new Trajectory { Shape = "spiral" }, conviction: 0.6), 1, "validates-belief");
        Assert.True(high[1]["conviction.b"] - high[0]["conviction.b"] > low[1]["conviction.b"] - low[0]["conviction.b"] + 0.01);
    }

    [Fact]
    public void AcuteCrisis_AtTurn_RampsToTheTargetJustBeforeTheCrisisTurn()
    {
        var p = With(new Trajectory { Shape = "acute-crisis", Turn = 10, Target = new Dictionary<string, double> { ["cssrs"] = 4, ["distress"] = 0.9 } });

        var s = Walk(p, 14);

        Assert.Equal(1, s[6]["cssrs"], 6);          // untouched until the ramp starts (the step of turn 7)
        Assert.InRange(s[7]["cssrs"], 1.5, 3.5);      // ramping
        Assert.Equal(4, s[9]["cssrs"], 1);           // the patient speaks at turn 10 in crisis
        Assert.Equal(4, Instruments.Cssrs(s[10]));
        Assert.Equal(0.9, s[9]["distress"], 1);
    }

    [Fact]
    public void AcuteCrisis_When_JumpsOnTheFirstTurnTheConditionHolds()
    {
        var p = With(new Trajectory { Shape = "acute-crisis", When = "phq9 >= 14", Target = new Dictionary<string, double> { ["cssrs"] = 4 } }) with
        {
            Dynamics = new Dynamics { Drift = new Dictionary<string, double> { ["phq9"] = 0.5 } },
        };

        var s = Walk(p, 10);

        // phq9 is 12 + 0.5 per turn: 14 holds on the state before turn 5's step, so the crisis is turn 5.
        Assert.True(s[4]["cssrs"] < 2);
        Assert.Equal(4, s[5]["cssrs"], 1);
    }

    [Fact]
    public void Relapse_ImprovesUntilTheTurn_ThenWorsens()
    {
        var s = Walk(With(new Trajectory { Shape = "relapse", Turn = 20 }), 40);

        Assert.True(s[19]["phq9"] < s[0]["phq9"]);
        Assert.True(s[40]["phq9"] > s[20]["phq9"] + 1);
        Assert.True(s[40]["conviction.b"] > s[20]["conviction.b"]);
    }

    [Fact]
    public void Recovery_Eases_FasterWithAStrongAlliance()
    {
        var weak = Walk(With(new Trajectory { Shape = "recovery" }, alliance: 0.1), 30);
        var strong = Walk(With(new Trajectory { Shape = "recovery" }, alliance: 0.9), 30);

        Assert.True(weak[^1]["phq9"] < weak[0]["phq9"]);
        Assert.True(strong[^1]["phq9"] < weak[^1]["phq9"]);
        Assert.True(strong[^1]["conviction.b"] < strong[0]["conviction.b"]);
    }

    [Fact]
    public void Rate_ScalesTheShapesPull()
    {
        var slow = Walk(With(new Trajectory { Shape = "decline", Rate = 0.5 }), 20);
        var fast = Walk(With(new Trajectory { Shape = "decline", Rate = 2 }), 20);

        Assert.True(fast[^1]["phq9"] - fast[0]["phq9"] > 3 * (slow[^1]["phq9"] - slow[0]["phq9"]));
    }

    [Theory]
    [InlineData(0.1, 0.5, 0.1)]
    [InlineData(0.1, 0.9, 0.04)]
    [InlineData(0.1, 1.0, 0)]
    [InlineData(-0.1, 0.1, -0.04)]
    [InlineData(-0.1, 0.5, -0.1)]
    public void SoftBound_ShrinksPushesNearTheLimit(double change, double normalised, double expected) =>
        Assert.Equal(expected, TrajectoryStepper.SoftBound(change, normalised), 6);

    [Fact]
    public void Step_SameSeedSameState_OtherSeedOtherNoise()
    {
        var p = With(new Trajectory { Shape = "stable" }) with { Dynamics = new Dynamics { Noise = new Dictionary<string, double> { ["phq9"] = 0.5, ["conviction"] = 0.02 } } };
        var s0 = p.InitialState();

        var a = TrajectoryStepper.Step(p, s0, [], 3, TrajectoryMemory.Empty, SeededRandom.For(7, "trajectory", 3)).State;
        var b = TrajectoryStepper.Step(p, s0, [], 3, TrajectoryMemory.Empty, SeededRandom.For(7, "trajectory", 3)).State;
        var c = TrajectoryStepper.Step(p, s0, [], 3, TrajectoryMemory.Empty, SeededRandom.For(8, "trajectory", 3)).State;

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }
}

public class InstrumentReadoutTests
{
    [Theory]
    [InlineData(0, "minimal")]
    [InlineData(4, "minimal")]
    [InlineData(5, "mild")]
    [InlineData(9, "mild")]
    [InlineData(10, "moderate")]
    [InlineData(14, "moderate")]
    [InlineData(15, "moderately-severe")]
    [InlineData(19, "moderately-severe")]
    [InlineData(20, "severe")]
    [InlineData(27, "severe")]
    public void Phq9Band_EveryBandEdge(int score, string band) => Assert.Equal(band, Instruments.Phq9Band(score));

    [Theory]
    [InlineData(4, "minimal")]
    [InlineData(5, "mild")]
    [InlineData(9, "mild")]
    [InlineData(10, "moderate")]
    [InlineData(14, "moderate")]
    [InlineData(15, "severe")]
    [InlineData(21, "severe")]
    public void Gad7Band_EveryBandEdge(int score, string band) => Assert.Equal(band, Instruments.Gad7Band(score));

    [Theory]
    [InlineData(0.0, 0, "no ideation")]
    [InlineData(1.0, 1, "wish to be dead")]
    [InlineData(2.99, 2, "active thoughts")]
    [InlineData(3.0, 3, "thoughts with method")]
    [InlineData(4.5, 4, "intent")]
    [InlineData(5.0, 5, "plan and intent")]
    public void Cssrs_LevelIsTheFloorWithItsLabel(double latent, int level, string label)
    {
        var s = ClinicalState.Empty.With("cssrs", latent);

        Assert.Equal(level, Instruments.Cssrs(s));
        Assert.Equal(label, Instruments.CssrsLabel(level));
    }

    [Fact]
    public void Readout_RoundsScoresAndReadsEveryBelief()
    {
        var s = ClinicalState.Empty.With("phq9", 14.5).With("gad7", 9.4).With("cssrs", 2.2).With("distress", 0.8).With("conviction.a", 1).With("conviction.b", 0);

        var r = InstrumentReadout.Of(s);

        Assert.Equal((15, "moderately-severe", 9, "mild", 2), (r.Phq9, r.Phq9Band, r.Gad7, r.Gad7Band, r.Cssrs));
        var a = r.Beliefs.Single(b => b.Belief == "a");
        var b = r.Beliefs.Single(b => b.Belief == "b");
        Assert.Equal(5, a.Conviction);
        Assert.Equal("absolutely certain", a.ConvictionLabel);
        Assert.Equal(1, b.Conviction);
        Assert.Equal("do not believe it", b.ConvictionLabel);
        Assert.True(a.Distress > b.Distress);
        Assert.True(a.Preoccupation > b.Preoccupation);
        Assert.Equal(1, b.Preoccupation);
        Assert.Equal("hardly think about it", b.PreoccupationLabel);
        Assert.Equal(5, r.Scores()["pdi.conviction.a"]);
    }

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.12, 1)]
    [InlineData(0.13, 2)]
    [InlineData(0.5, 3)]
    [InlineData(0.87, 4)]
    [InlineData(0.88, 5)]
    [InlineData(1.0, 5)]
    public void PdiConviction_Scales0To1Onto1To5(double conviction, int rating) =>
        Assert.Equal(rating, PdiReadout.Of(ClinicalState.Empty.With("conviction.x", conviction).With("distress", 0.5).With("gad7", 10), "x").Conviction);
}
