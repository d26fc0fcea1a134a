using System.Text.Json;
using Simulator.Core.Clinical;
using Simulator.Core.Transcripts;

namespace Simulator.Storage.Exports;

/// <summary>
/// <c>export --format jsonl</c>: one line per completed turn,
/// <c>{"run","turn","patient","therapist","state":{...},"instruments":{...},"metrics":{...},"unscored":{...},"evidence":{...},"alerts":[...],"guardNote"}</c>.
/// </summary>
public static class JsonlExporter
{
    /// <summary>Writes the turns of one run.</summary>
    public static async Task WriteAsync(string runId, RunTranscript transcript, TextWriter output, CancellationToken cancellationToken)
    {
        foreach (var t in transcript.Turns)
        {
            var line = JsonSerializer.Serialize(new
            {
                run = runId,
                turn = t.Turn,
                patient = t.Patient,
                therapist = t.Therapist,
                events = t.FiredEvents,
                acts = t.AppraisedActs,
                state = t.State.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 4)),
                instruments = InstrumentReadout.Of(new ClinicalState(t.State)).Scores(),
                metrics = t.Metrics,
                unscored = t.Unscored,
                evidence = t.Evidence,
                alerts = t.Alerts.Select(a => new { metric = a.Metric, kind = a.Kind, value = a.Value, message = a.Message }),
                guardNote = t.GuardNote?.Note,
            });
            await output.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }
}
