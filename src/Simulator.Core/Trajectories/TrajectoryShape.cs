using Simulator.Core.Clinical;
using Simulator.Core.Personas;

namespace Simulator.Core.Trajectories;

/// <summary>
/// A trajectory shape: the pull the latent state feels every turn on top of the persona's drift,
/// and how much each appraised act counts. One file per shape, registered in <see cref="TrajectoryShapes"/>.
/// </summary>
public abstract class TrajectoryShape
{
    /// <summary>The shape's name in persona files.</summary>
    public abstract string Name { get; }

    /// <summary>Adds the shape's pull for this turn to <paramref name="delta"/>.</summary>
    public abstract void Pull(ShapeContext context, IDictionary<string, double> delta);

    /// <summary>
    /// A last word on the stepped state, for scripted movements that must land whatever the acts
    /// and soft bounds did (acute-crisis). Identity by default.
    /// </summary>
    public virtual ClinicalState Settle(ShapeContext context, ClinicalState stepped) => stepped;

    /// <summary>How much an act's effect on a variable counts under this shape (1 = as written).</summary>
    public virtual double ActGain(string act, string variable, ClinicalState state) => 1;

    /// <summary>Adds <paramref name="amount"/> to a variable's delta if the state has it.</summary>
    protected static void Add(ShapeContext context, IDictionary<string, double> delta, string variable, double amount)
    {
        if (context.State.Get(variable) is not null)
        {
            delta[variable] = delta.TryGetValue(variable, out var d) ? d + amount : amount;
        }
    }

    /// <summary>Adds <paramref name="amount"/> to every belief's conviction.</summary>
    protected static void AddToConvictions(ShapeContext context, IDictionary<string, double> delta, double amount)
    {
        foreach (var belief in context.State.Beliefs)
        {
            Add(context, delta, StateVariables.Conviction(belief), amount);
        }
    }
}

/// <summary>What a shape sees: the persona, the state before the step, the turn, its acts, and the memory.</summary>
public sealed record ShapeContext(Persona Persona, ClinicalState State, int Turn, IReadOnlyList<string> Acts, TrajectoryMemory Memory)
{
    /// <summary>The persona's trajectory parameters.</summary>
    public Trajectory Trajectory => Persona.Trajectory;

    /// <summary>The working alliance, 0..1 (0.5 when the state has none).</summary>
    public double Alliance => State.Get(StateVariables.Alliance) ?? 0.5;
}

/// <summary>What a trajectory remembers between turns: the turn a condition-triggered crisis began.</summary>
public sealed record TrajectoryMemory(int? CrisisTurn)
{
    /// <summary>Nothing remembered yet.</summary>
    public static TrajectoryMemory Empty { get; } = new((int?)null);
}
