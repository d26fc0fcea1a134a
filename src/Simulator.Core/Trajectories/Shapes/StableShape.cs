namespace Simulator.Core.Trajectories.Shapes;

/// <summary><c>stable</c>: no pull of its own; only drift, therapist acts and noise move the state.</summary>
internal sealed class StableShape : TrajectoryShape
{
    public override string Name => "stable";

    public override void Pull(ShapeContext context, IDictionary<string, double> delta)
    {
    }
}
