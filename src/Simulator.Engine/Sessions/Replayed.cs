using Simulator.Core.Clinical;
using Simulator.Core.Personas;
using Simulator.Core.Transcripts;
using Simulator.Core.Validation;

namespace Simulator.Engine.Sessions;

/// <summary>
/// Checks that a replayed turn comes out as recorded: the same persona events fire and the
/// trajectory steps to the same state. A difference means the log and the persona or engine that
/// replays it disagree, and continuing would splice two different sessions together.
/// </summary>
internal static class Replayed
{
    public static void Check(TurnRecord recorded, IReadOnlyList<PersonaEvent> due, ClinicalState state)
    {
        if (!recorded.FiredEvents.SequenceEqual(due.Select(e => e.Id)))
        {
            throw Diverged(recorded.Turn, $"events [{string.Join(", ", due.Select(e => e.Id))}] fire where the log has [{string.Join(", ", recorded.FiredEvents)}]");
        }

        var different = recorded.State.Where(kv => !state.Variables.TryGetValue(kv.Key, out var v) || v != kv.Value).Select(kv => kv.Key).ToList();
        if (different.Count > 0 || recorded.State.Count != state.Variables.Count)
        {
            throw Diverged(recorded.Turn, $"the state steps differently ({string.Join(", ", different)})");
        }
    }

    private static InvalidInputException Diverged(int turn, string what) =>
        new($"turn {turn} of the log does not replay: {what}; the persona or the simulator changed since the run was made", field: "events");
}
