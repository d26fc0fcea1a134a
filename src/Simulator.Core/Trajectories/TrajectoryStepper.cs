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

    /// <summary>The state after one turn of drift, the appraised acts' effects and noise.</summary>
    public static ClinicalState Step(Persona persona, ClinicalState state, IReadOnlyList<string> acts, SeededRandom random)
    {
        var delta = new SortedDictionary<string, double>(StringComparer.Ordinal);
        void AddDelta(IReadOnlyDictionary<string, double> changes, double factor)
        {
            foreach (var (name, change) in changes)
            {
                foreach (var target in Targets(state, name))
                {
                    delta[target] = delta.GetValueOrDefault(target) + (change * factor);
                }
            }
        }

        AddDelta(persona.Dynamics.Drift, 1);
        foreach (var act in acts)
        {
            if (persona.Dynamics.Effects.TryGetValue(act, out var effects))
            {
                AddDelta(effects, 1);
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

        foreach (var (name, change) in delta)
        {
            state = state.With(name, state[name] + change);
        }

        return state;
    }

    private static IEnumerable<string> Targets(ClinicalState state, string name) =>
        name == StateVariables.AllConvictions
            ? state.Beliefs.Select(StateVariables.Conviction)
            : state.Get(name) is null ? [] : [name];
}
