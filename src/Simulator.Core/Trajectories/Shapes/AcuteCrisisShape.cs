using Simulator.Core.Clinical;

namespace Simulator.Core.Trajectories.Shapes;

/// <summary>
/// <c>acute-crisis</c>: a crisis at a scripted turn, or when a condition first holds. For a turn,
/// the target variables ramp up over the three turns before it, so the patient speaks at the
/// crisis turn in the crisis state; for a condition, the state jumps to the target the turn it holds.
/// The ramp is a floor the state cannot fall below on those turns, whatever the therapist did;
/// afterwards the therapist's acts decide what happens.
/// </summary>
internal sealed class AcuteCrisisShape : TrajectoryShape
{
    private const int Ramp = 3;

    public override string Name => "acute-crisis";

    public override void Pull(ShapeContext context, IDictionary<string, double> delta)
    {
    }

    public override ClinicalState Settle(ShapeContext context, ClinicalState stepped)
    {
        if (TurnsLeft(context) is not { } turnsLeft)
        {
            return stepped;
        }

        foreach (var (variable, target) in context.Trajectory.Target)
        {
            if (context.State.Get(variable) is { } before && target > before)
            {
                var floor = before + ((target - before) / turnsLeft);
                stepped = stepped.With(variable, Math.Max(stepped[variable], floor));
            }
        }

        return stepped;
    }

    // Steps at turns crisis-3 .. crisis-1 close the gap; the state after crisis-1 is the target.
    private static int? TurnsLeft(ShapeContext context) => context.Trajectory.Turn is { } crisis
        ? crisis - context.Turn is var left && left is >= 1 and <= Ramp ? left : null
        : context.Memory.CrisisTurn == context.Turn ? 1 : null;
}
