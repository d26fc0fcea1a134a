using Simulator.Core.Clinical;
using Simulator.Core.Personas;
using Simulator.Core.Randomness;

namespace Simulator.Core.Trajectories;

/// <summary>
/// Moves the latent clinical state one turn: scripted events first, then drift, the effect of
/// each appraised therapist act, and seeded noise. Pure: the same inputs give the same state.
/// </summary>
public static class TrajectoryStepper
{
    /// <summary>
    /// The persona's events due at <paramref name="turn"/>: those scripted for this turn, and those
    /// whose condition first holds now. Each fires once per run.
    /// </summary>
    public static IReadOnlyList<PersonaEvent> DueEvents(Persona persona, ClinicalState state, int turn, IReadOnlySet<string> alreadyFired)
    {
        var due = new List<PersonaEvent>();
        foreach (var e in persona.Events)
        {
            if (alreadyFired.Contains(e.Id))
            {
                continue;
            }

            var byTurn = e.AtTurn == turn;
            var byCondition = e.AtTurn is null && e.When is not null && StateCondition.TryParse(e.When, out _)!.Holds(state);
            if (byTurn || byCondition)
            {
                due.Add(e);
            }
        }

        return due;
    }

    /// <summary>The state with the <c>set</c> values of fired events applied.</summary>
    public static ClinicalState ApplyEvents(ClinicalState state, IEnumerable<PersonaEvent> fired)
    {
        foreach (var e in fired)
        {
            foreach (var (name, value) in e.Set)
            {
                state = state.With(name, value);
            }
        }

        return state;
    }

    /// <summary>
    /// The state after one turn: drift, the trajectory shape's pull, the appraised acts' effects
    /// (weighted by the shape) and noise, applied with soft bounds. Also returns what the
    /// trajectory remembers for the next turn.
    /// </summary>
    public static (ClinicalState State, TrajectoryMemory Memory) Step(
        Persona persona, ClinicalState state, IReadOnlyList<string> acts, int turn, TrajectoryMemory memory, SeededRandom random)
    {
        var shape = TrajectoryShapes.Get(persona.Trajectory.Shape);
        if (persona.Trajectory is { Shape: "acute-crisis", When: { } when } && memory.CrisisTurn is null
            && StateCondition.TryParse(when, out _) is { } condition && condition.Holds(state))
        {
            memory = memory with { CrisisTurn = turn };
        }

        var delta = new SortedDictionary<string, double>(StringComparer.Ordinal);
        void AddDelta(IReadOnlyDictionary<string, double> changes, string? act)
        {
            foreach (var (name, change) in changes)
            {
                foreach (var target in Targets(state, name))
                {
                    var gain = act is null ? 1 : shape.ActGain(act, target, state);
                    delta[target] = delta.GetValueOrDefault(target) + (change * gain);
                }
            }
        }

        var context = new ShapeContext(persona, state, turn, acts, memory);
        AddDelta(persona.Dynamics.Drift, null);
        shape.Pull(context, delta);
        foreach (var act in acts)
        {
            if (persona.Dynamics.Effects.TryGetValue(act, out var effects))
            {
                AddDelta(effects, act);
            }
        }

        // Noise is drawn for every variable in a fixed order, so the draw sequence does not
        // depend on which acts were appraised.
        foreach (var name in state.Variables.Keys)
        {
            var sd = persona.Dynamics.Noise.TryGetValue(name, out var own) ? own
                : name.StartsWith(StateVariables.ConvictionPrefix, StringComparison.Ordinal) && persona.Dynamics.Noise.TryGetValue(StateVariables.AllConvictions, out var all) ? all
                : 0;
            var draw = random.NextGaussian();
            if (sd > 0)
            {
                delta[name] = delta.GetValueOrDefault(name) + (sd * draw);
            }
        }

        var next = state;
        foreach (var (name, change) in delta)
        {
            next = next.With(name, state[name] + SoftBound(change, state.Normalised(name)));
        }

        return (shape.Settle(context, next), memory);
    }

    /// <summary>
    /// A push towards the top of a range shrinks once the value is in the top quarter, to nothing at
    /// the limit (likewise at the bottom), so variables approach their limits instead of slamming into them.
    /// </summary>
    public static double SoftBound(double change, double normalised) => change switch
    {
        > 0 => change * Math.Min(1, (1 - normalised) / 0.25),
        < 0 => change * Math.Min(1, normalised / 0.25),
        _ => 0,
    };

    private static IEnumerable<string> Targets(ClinicalState state, string name) =>
        name == StateVariables.AllConvictions
            ? state.Beliefs.Select(StateVariables.Conviction)
            : state.Get(name) is null ? [] : [name];
}
