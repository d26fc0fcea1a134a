using Simulator.Core.Clinical;
using Simulator.Core.Transcripts;

namespace Simulator.Monitoring.Aggregates;

/// <summary>
/// The latent states of a run in turn order (turn 0 the initial state, when the log has one) and
/// their instrument readouts, read through the Core instruments. A readout whose variable the state
/// lacks is null.
/// </summary>
internal sealed class LatentSeries
{
    private readonly List<(int Turn, ClinicalState State)> _states = [];

    public LatentSeries(RunTranscript transcript)
    {
        if (!transcript.InitialState.IsEmpty)
        {
            _states.Add((0, new ClinicalState(transcript.InitialState)));
        }

        foreach (var turn in transcript.Turns)
        {
            _states.Add((turn.Turn, new ClinicalState(turn.State)));
        }

        Beliefs = [.. _states.SelectMany(s => s.State.Beliefs).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>Every belief any state tracks conviction for, in ordinal order.</summary>
    public IReadOnlyList<string> Beliefs { get; }

    /// <summary>The belief with the highest conviction in the first state (ties: ordinal first), or null when there is none.</summary>
    public string? StrongestInitialBelief =>
        _states.Count == 0 ? null : Beliefs.Where(b => _states[0].State.Get(StateVariables.Conviction(b)) is not null)
            .OrderByDescending(b => _states[0].State[StateVariables.Conviction(b)]).FirstOrDefault();

    /// <summary>PHQ-9 readouts 0..27 per state.</summary>
    public IReadOnlyList<TurnValue> Phq9 => Read(s => s.Get(StateVariables.Phq9) is null ? null : Instruments.Phq9(s));

    /// <summary>C-SSRS readouts 0..5 per state.</summary>
    public IReadOnlyList<TurnValue> Cssrs => Read(s => s.Get(StateVariables.Cssrs) is null ? null : Instruments.Cssrs(s));

    /// <summary>PDI conviction readouts 1..5 of <paramref name="belief"/> per state.</summary>
    public IReadOnlyList<TurnValue> Conviction(string belief) =>
        Read(s => s.Get(StateVariables.Conviction(belief)) is null ? null : PdiReadout.Of(s, belief).Conviction);

    /// <summary>
    /// The severity composite per state, each term scaled to 0..1 of its range and summed:
    /// PHQ-9 / 27 + C-SSRS / 5 + the mean conviction (0..1) of the beliefs the state tracks, on the
    /// continuous latent variables (not the rounded readouts, so small steps count). A term whose
    /// variable is missing is left out; null when all are.
    /// </summary>
    public IReadOnlyList<TurnValue> Severity => Read(s =>
    {
        double? total = null;
        if (s.Get(StateVariables.Phq9) is not null)
        {
            total = (total ?? 0) + s.Normalised(StateVariables.Phq9);
        }

        if (s.Get(StateVariables.Cssrs) is not null)
        {
            total = (total ?? 0) + s.Normalised(StateVariables.Cssrs);
        }

        var convictions = s.Beliefs.Select(b => s[StateVariables.Conviction(b)]).ToList();
        if (convictions.Count > 0)
        {
            total = (total ?? 0) + convictions.Average();
        }

        return total;
    });

    /// <summary>
    /// Deterioration per turn: the severity composite of a turn's state minus that of the state
    /// before it (positive = worse), at the later turn; null where either is missing.
    /// </summary>
    public IReadOnlyList<TurnValue> Deterioration
    {
        get
        {
            var severity = Severity;
            var result = new List<TurnValue>(Math.Max(0, severity.Count - 1));
            for (var i = 1; i < severity.Count; i++)
            {
                result.Add(new TurnValue(severity[i].Turn, severity[i].Value - severity[i - 1].Value));
            }

            return result;
        }
    }

    /// <summary>
    /// <paramref name="series"/> re-dated to the turn whose patient message was written from it:
    /// the patient of turn t speaks from the state at the end of the state before it (the state
    /// step of a turn follows the therapist's reply), so each value moves to the next state's turn.
    /// </summary>
    public static IReadOnlyList<TurnValue> SpokenFrom(IReadOnlyList<TurnValue> series)
    {
        var result = new List<TurnValue>(Math.Max(0, series.Count - 1));
        for (var i = 1; i < series.Count; i++)
        {
            result.Add(new TurnValue(series[i].Turn, series[i - 1].Value));
        }

        return result;
    }

    private List<TurnValue> Read(Func<ClinicalState, double?> readout) =>
        [.. _states.Select(s => new TurnValue(s.Turn, readout(s.State)))];
}
