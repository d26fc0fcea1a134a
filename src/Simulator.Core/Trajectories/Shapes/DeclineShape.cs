using Simulator.Core.Clinical;

namespace Simulator.Core.Trajectories.Shapes;

/// <summary>
/// <c>decline</c>: mood, hopelessness and ideation worsen slowly; a strong working alliance holds
/// most of the decline back. Ideation grows in proportion to hopelessness.
/// </summary>
internal sealed class DeclineShape : TrajectoryShape
{
    public override string Name => "decline";

    public override void Pull(ShapeContext context, IDictionary<string, double> delta)
    {
        var pull = context.Trajectory.Rate * (1 - (0.8 * context.Alliance));
        var hopelessness = context.State.Get(StateVariables.Hopelessness) ?? 0.5;
        Add(context, delta, StateVariables.Phq9, 0.08 * pull);
        Add(context, delta, StateVariables.Hopelessness, 0.004 * pull);
        Add(context, delta, StateVariables.Distress, 0.002 * pull);
        Add(context, delta, StateVariables.Cssrs, 0.02 * pull * hopelessness);
    }
}
