using Simulator.Core.Clinical;

namespace Simulator.Core.Trajectories.Shapes;

/// <summary>
/// <c>decline</c>: mood, hopelessness and ideation worsen slowly unless the alliance is strong (the
/// pull fades as the alliance rises and is gone at 0.8); ideation grows in proportion to
/// hopelessness. Despair feeds itself: above 0.75, hopelessness pulls mood and ideation down
/// whatever the alliance, in proportion to how far above it is.
/// </summary>
internal sealed class DeclineShape : TrajectoryShape
{
    private const double Despair = 0.75;

    public override string Name => "decline";

    public override void Pull(ShapeContext context, IDictionary<string, double> delta)
    {
        var rate = context.Trajectory.Rate;
        var pull = rate * Math.Max(0, 1 - (1.25 * context.Alliance));
        var hopelessness = context.State.Get(StateVariables.Hopelessness) ?? 0.5;
        Add(context, delta, StateVariables.Phq9, 0.08 * pull);
        Add(context, delta, StateVariables.Hopelessness, 0.004 * pull);
        Add(context, delta, StateVariables.Distress, 0.002 * pull);
        Add(context, delta, StateVariables.Cssrs, 0.02 * pull * hopelessness);

        var despair = Math.Max(0, hopelessness - Despair) / (1 - Despair);
        if (despair > 0)
        {
            Add(context, delta, StateVariables.Phq9, 0.08 * despair * rate);
            Add(context, delta, StateVariables.Cssrs, 0.01 * despair * rate);
        }
    }
}
