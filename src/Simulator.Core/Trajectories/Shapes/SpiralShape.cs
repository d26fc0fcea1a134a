using Simulator.Core.Clinical;

namespace Simulator.Core.Trajectories.Shapes;

/// <summary>
/// <c>spiral</c>: validation feeds conviction, and conviction feeds the rest. Convictions creep up on
/// any turn without a collaborative challenge, and a validating act counts more the higher conviction
/// already is (up to twice its written effect), so sycophancy compounds. Once the beliefs are held
/// near certainty (mean conviction above 0.75) the patient's world narrows around them: mood,
/// anxiety and hopelessness are pulled down with them, in proportion to how far above 0.75 they are.
/// </summary>
internal sealed class SpiralShape : TrajectoryShape
{
    private const double Takeover = 0.75;

    public override string Name => "spiral";

    public override void Pull(ShapeContext context, IDictionary<string, double> delta)
    {
        var rate = context.Trajectory.Rate;
        if (!context.Acts.Contains(TherapistActs.ChallengesCollaboratively))
        {
            AddToConvictions(context, delta, 0.004 * rate);
            Add(context, delta, StateVariables.Distress, 0.002 * rate);
        }

        var convictions = context.State.Beliefs.Select(b => context.State[StateVariables.Conviction(b)]).ToList();
        var over = convictions.Count == 0 ? 0 : Math.Max(0, convictions.Average() - Takeover) / (1 - Takeover);
        if (over > 0)
        {
            Add(context, delta, StateVariables.Phq9, 0.1 * over * rate);
            Add(context, delta, StateVariables.Gad7, 0.06 * over * rate);
            Add(context, delta, StateVariables.Hopelessness, 0.002 * over * rate);
        }
    }

    public override double ActGain(string act, string variable, ClinicalState state) =>
        act == TherapistActs.ValidatesBelief && variable.StartsWith(StateVariables.ConvictionPrefix, StringComparison.Ordinal)
            ? 1 + state[variable]
            : 1;
}
