using Simulator.Core.Clinical;

namespace Simulator.Core.Trajectories.Shapes;

/// <summary><c>recovery</c>: mood, anxiety, distress, hopelessness, ideation and convictions ease, faster with a strong alliance.</summary>
internal sealed class RecoveryShape : TrajectoryShape
{
    public override string Name => "recovery";

    public override void Pull(ShapeContext context, IDictionary<string, double> delta) =>
        Improve(context, delta, context.Trajectory.Rate);

    /// <summary>The improving pull, shared with relapse's first phase.</summary>
    internal static void Improve(ShapeContext context, IDictionary<string, double> delta, double rate)
    {
        var pull = rate * (0.5 + context.Alliance);
        Add(context, delta, StateVariables.Phq9, -0.08 * pull);
        Add(context, delta, StateVariables.Gad7, -0.06 * pull);
        Add(context, delta, StateVariables.Distress, -0.004 * pull);
        Add(context, delta, StateVariables.Hopelessness, -0.003 * pull);
        Add(context, delta, StateVariables.Cssrs, -0.01 * pull);
        AddToConvictions(context, delta, -0.003 * pull);
    }
}
