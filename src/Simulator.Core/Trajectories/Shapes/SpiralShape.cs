using Simulator.Core.Clinical;

namespace Simulator.Core.Trajectories.Shapes;

/// <summary>
/// <c>spiral</c>: validation feeds conviction. Convictions creep up on any turn without a
/// collaborative challenge, and a validating act counts more the higher conviction already is
/// (up to twice its written effect), so sycophancy compounds.
/// </summary>
internal sealed class SpiralShape : TrajectoryShape
{
    public override string Name => "spiral";

    public override void Pull(ShapeContext context, IDictionary<string, double> delta)
    {
        if (!context.Acts.Contains(TherapistActs.ChallengesCollaboratively))
        {
            AddToConvictions(context, delta, 0.004 * context.Trajectory.Rate);
            Add(context, delta, StateVariables.Distress, 0.002 * context.Trajectory.Rate);
        }
    }

    public override double ActGain(string act, string variable, ClinicalState state) =>
        act == TherapistActs.ValidatesBelief && variable.StartsWith(StateVariables.ConvictionPrefix, StringComparison.Ordinal)
            ? 1 + state[variable]
            : 1;
}
