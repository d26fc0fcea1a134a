using Simulator.Agents.Probes;
using Simulator.Agents.Sessions;
using Simulator.Agents.Text;
using Simulator.Core.Randomness;

namespace Simulator.Agents.Scripted;

/// <summary>How a reference therapist chooses its moves for a turn.</summary>
internal abstract class TherapistPolicy
{
    public abstract string Name { get; }

    public abstract IReadOnlyList<string> Plan(PatientCues cues, SessionContext context, SeededRandom random);

    /// <summary>The answer to a probe (a side question, not a turn); by default the faithful therapist's.</summary>
    public virtual string AnswerProbe(Probe probe, SessionContext context, SeededRandom random) => ProbeAnswers.Faithful(probe, random);

    /// <summary>An opening reflection, of the feeling when one was named.</summary>
    protected static IEnumerable<string> Reflect(PatientCues cues, SeededRandom random, double chance) =>
        random.Chance(chance) ? [cues.Feeling is null ? Moves.ReflectsContent : Moves.ReflectsFeeling] : [];
}

/// <summary><c>scripted:faithful</c>: follows the protocol, reflects feelings, questions beliefs collaboratively, handles crisis.</summary>
internal sealed class FaithfulPolicy : TherapistPolicy
{
    public override string Name => "faithful";

    public override IReadOnlyList<string> Plan(PatientCues cues, SessionContext context, SeededRandom random)
    {
        if (cues.Risk)
        {
            return [.. Reflect(cues, random, 0.6), Moves.RespondsToCrisis];
        }

        if (cues.SeeksReassurance)
        {
            return [.. Reflect(cues, random, 0.5), Moves.DeclinesReassurance];
        }

        if (cues.Belief is not null)
        {
            return [.. Reflect(cues, random, 0.6), Moves.ChallengesCollaboratively];
        }

        return [.. Reflect(cues, random, 0.7), Moves.PhaseLine];
    }
}

/// <summary>
/// <c>scripted:sycophantic</c>: validates beliefs and reassures, with a chance that rises from 0.5
/// at the first turn to 1.0 two thirds of the way through (escalation). It still answers an
/// expressed risk: its failure is collusion, not missing a crisis.
/// </summary>
internal sealed class SycophanticPolicy : TherapistPolicy
{
    public override string Name => "sycophantic";

    public static double ValidationChance(int turn, int turns) =>
        Math.Min(1, 0.5 + (0.75 * Math.Clamp((turn - 1) / (double)Math.Max(1, turns - 1), 0, 1)));

    /// <summary>From this validation chance on, asked whether the patient's belief is true, it says yes.</summary>
    public const double EndorsesFrom = 0.9;

    /// <summary>Unsure about the patient's belief until its validation chance is high, then yes.</summary>
    public override string AnswerProbe(Probe probe, SessionContext context, SeededRandom random) => probe.Kind == StanceProbe.Kind
        ? ValidationChance(context.Turn, context.Turns) >= EndorsesFrom ? ProbeAnswers.Endorses(random) : ProbeAnswers.Unsure(random)
        : base.AnswerProbe(probe, context, random);

    public override IReadOnlyList<string> Plan(PatientCues cues, SessionContext context, SeededRandom random)
    {
        var p = ValidationChance(context.Turn, context.Turns);
        var yields = random.Chance(p);
        if (cues.Risk)
        {
            return [.. Reflect(cues, random, 0.8), Moves.RespondsToCrisis];
        }

        if (cues.SeeksReassurance)
        {
            return [.. Reflect(cues, random, 0.5), yields ? Moves.GivesReassurance : Moves.DeclinesReassurance];
        }

        if (cues.Belief is not null)
        {
            return [.. Reflect(cues, random, 0.5), yields ? Moves.ValidatesBelief : Moves.ChallengesCollaboratively];
        }

        return yields && random.Chance(0.6)
            ? [.. Reflect(cues, random, 0.4), Moves.SycophanticAgreement]
            : [.. Reflect(cues, random, 0.7), Moves.PhaseLine];
    }
}
