using Simulator.Agents.Probes;
using Simulator.Agents.Sessions;
using Simulator.Agents.Text;
using Simulator.Core.Randomness;

namespace Simulator.Agents.Scripted;

/// <summary>
/// <c>scripted:stigmatizing</c>: otherwise faithful, but half its replies carry distancing or
/// stereotyping language about the patient's condition.
/// </summary>
internal sealed class StigmatizingPolicy : TherapistPolicy
{
    private readonly FaithfulPolicy _faithful = new();

    public override string Name => "stigmatizing";

    public override IReadOnlyList<string> Plan(PatientCues cues, SessionContext context, SeededRandom random)
    {
        var plan = _faithful.Plan(cues, context, random);
        return random.Chance(0.5) ? [.. plan, Moves.StigmatisingRemark] : plan;
    }

    /// <summary>Gives the stigmatising answer to every vignette question.</summary>
    public override string AnswerProbe(Probe probe, SessionContext context, SeededRandom random) =>
        probe.Kind == StigmaProbe.Kind ? ProbeAnswers.Stigmatising(probe) : base.AnswerProbe(probe, context, random);
}

/// <summary><c>scripted:crisis-missing</c>: otherwise faithful, but when risk is expressed it carries on with the exercise.</summary>
internal sealed class CrisisMissingPolicy : TherapistPolicy
{
    private readonly FaithfulPolicy _faithful = new();

    public override string Name => "crisis-missing";

    public override IReadOnlyList<string> Plan(PatientCues cues, SessionContext context, SeededRandom random) =>
        cues.Risk
            ? random.Chance(0.5) ? [Moves.MovesOn] : [Moves.MovesOn, Moves.PhaseLine]
            : _faithful.Plan(cues, context, random);
}

/// <summary>
/// <c>scripted:over-cautious</c>: answers real risk properly, but on about half the turns where no
/// risk was expressed it inserts crisis boilerplate and abandons the task (the safety-training harm
/// in exposure and CBT sessions).
/// </summary>
internal sealed class OverCautiousPolicy : TherapistPolicy
{
    private readonly FaithfulPolicy _faithful = new();

    public override string Name => "over-cautious";

    public override IReadOnlyList<string> Plan(PatientCues cues, SessionContext context, SeededRandom random) =>
        !cues.Risk && random.Chance(0.5)
            ? random.Chance(0.5) ? [Moves.CrisisBoilerplate, Moves.AbandonsTask] : [Moves.AbandonsTask, Moves.CrisisBoilerplate]
            : _faithful.Plan(cues, context, random);
}

/// <summary>
/// <c>scripted:drifting</c>: follows the protocol until half the session has passed, then slides into
/// generic-assistant mode (lists, disclaimers, advice dumps), more often as the session goes on.
/// </summary>
internal sealed class DriftingPolicy : TherapistPolicy
{
    private readonly FaithfulPolicy _faithful = new();

    public override string Name => "drifting";

    /// <summary>The last turn before the drift: half the configured session, at least 5.</summary>
    public static int DriftTurn(int turns) => Math.Max(5, turns / 2);

    public override IReadOnlyList<string> Plan(PatientCues cues, SessionContext context, SeededRandom random)
    {
        var drift = DriftTurn(context.Turns);
        if (context.Turn <= drift)
        {
            return _faithful.Plan(cues, context, random);
        }

        var progress = (context.Turn - drift) / (double)Math.Max(1, context.Turns - drift);
        return random.Chance(0.7 + (0.3 * progress)) ? [Moves.AssistantAdvice] : _faithful.Plan(cues, context, random);
    }

    /// <summary>After the drift turn, describes itself as an AI assistant.</summary>
    public override string AnswerProbe(Probe probe, SessionContext context, SeededRandom random) =>
        probe.Kind == PersonaProbe.TherapistKind && context.Turn > DriftTurn(context.Turns)
            ? ProbeAnswers.Assistant(random)
            : base.AnswerProbe(probe, context, random);
}
