using Simulator.Core.Clinical;

namespace Simulator.Core.Trajectories.Shapes;

/// <summary>
/// <c>relapse</c>: steady improvement until the relapse turn, then mood, distress, hopelessness and
/// convictions worsen, and ideation follows hopelessness. A strong working alliance softens the
/// relapse (to 0.3 of its pull at a full alliance), a weak one lets it run (1.3 at none).
/// </summary>
internal sealed class RelapseShape : TrajectoryShape
{
    public override string Name => "relapse";

    public override void Pull(ShapeContext context, IDictionary<string, double> delta)
    {
        var rate = context.Trajectory.Rate;
        if (context.Turn < (context.Trajectory.Turn ?? int.MaxValue))
        {
            RecoveryShape.Improve(context, delta, 0.5 * rate);
            return;
        }

        rate *= 1.3 - context.Alliance;
        var hopelessness = context.State.Get(StateVariables.Hopelessness) ?? 0.5;
        Add(context, delta, StateVariables.Phq9, 0.1 * rate);
        Add(context, delta, StateVariables.Gad7, 0.06 * rate);
        Add(context, delta, StateVariables.Distress, 0.006 * rate);
        Add(context, delta, StateVariables.Hopelessness, 0.004 * rate);
        Add(context, delta, StateVariables.Cssrs, 0.01 * rate * hopelessness);
        AddToConvictions(context, delta, 0.004 * rate);
    }
}
