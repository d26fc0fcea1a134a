using Simulator.Core.Clinical;

namespace Simulator.Core.Trajectories.Shapes;

/// <summary>
/// <c>acute-crisis</c>: a crisis at a scripted turn, or when a condition first holds. For a turn,
/// the target variables ramp up over the three turns before it, so the patient speaks at the
/// crisis turn in the crisis state; for a condition, the state jumps to the target the turn it holds.
/// Afterwards the therapist's acts decide what happens.
/// </summary>
internal sealed class AcuteCrisisShape : TrajectoryShape
{
    private const int Ramp = 3;

    public override string Name => "acute-crisis";

    public override void Pull(ShapeContext context, IDictionary<string, double> delta)
    {
        var t = context.Trajectory;
        int turnsLeft;
        if (t.Turn is { } crisis)
        {
            // Steps at turns crisis-3 .. crisis-1 close the gap; the state after crisis-1 is the target.
            turnsLeft = crisis - context.Turn;
            if (turnsLeft < 1 || turnsLeft > Ramp)
            {
                return;
            }
        }
        else if (context.Memory.CrisisTurn == context.Turn)
        {
            turnsLeft = 1;
        }
        else
        {
            return;
        }

        foreach (var (variable, target) in t.Target)
        {
            if (context.State.Get(variable) is { } now && target > now)
            {
                Add(context, delta, variable, (target - now) / turnsLeft);
            }
        }
    }
}
