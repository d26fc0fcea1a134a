using System.Text;
using Simulator.Core.Clinical;
using Simulator.Core.Transcripts;

namespace Simulator.Storage.Exports;

/// <summary>
/// <c>export --format csv</c>: one row per turn of each run — <c>run</c>, <c>turn</c>, <c>session</c>,
/// the two messages, the appraised acts and fired events (<c>;</c>-separated), the latent state
/// (<c>state.&lt;variable&gt;</c>), the instruments (<c>instrument.&lt;name&gt;</c>), each metric's value
/// (<c>metric.&lt;name&gt;</c>; empty when unscored) and reason (<c>unscored.&lt;name&gt;</c>), and the
/// alerts (<c>alerts</c>: <c>;</c>-separated metric names), and each probe asked (<c>probe.&lt;name&gt;</c>: its
/// score, empty when unscored or not asked that turn; <c>probe.&lt;name&gt;.answer</c>: the answer). Columns are the union over the runs
/// given, sorted within each group, so a study's runs (different personas, different beliefs) share one header.
/// </summary>
public sealed class CsvExporter
{
    private static readonly string[] Leading = ["run", "turn", "session", "patient", "therapist", "acts", "events", "alerts"];

    private readonly SortedSet<string> _state = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _instruments = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _metrics = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _probes = new(StringComparer.Ordinal);

    /// <summary>Adds a run's columns (call for every run before <see cref="WriteHeaderAsync"/>).</summary>
    public void AddColumnsOf(RunTranscript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        foreach (var t in transcript.Turns)
        {
            _state.UnionWith(t.State.Keys);
            _instruments.UnionWith(InstrumentReadout.Of(new ClinicalState(t.State)).Scores().Keys);
            _metrics.UnionWith(t.Metrics.Keys);
            _metrics.UnionWith(t.Unscored.Keys);
            _probes.UnionWith(t.Probes.Select(p => p.Probe));
        }
    }

    /// <summary>Writes the header row.</summary>
    public Task WriteHeaderAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var header = Leading
            .Concat(_state.Select(s => $"state.{s}"))
            .Concat(_instruments.Select(i => $"instrument.{i}"))
            .Concat(_metrics.Select(m => $"metric.{m}"))
            .Concat(_metrics.Select(m => $"unscored.{m}"))
            .Concat(_probes.SelectMany(p => new[] { $"probe.{p}", $"probe.{p}.answer" }));
        return output.WriteLineAsync(string.Join(',', header.Select(Field)).AsMemory(), cancellationToken);
    }

    /// <summary>Writes one row per turn of a run.</summary>
    public async Task WriteRowsAsync(string runId, RunTranscript transcript, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(output);
        var row = new StringBuilder();
        foreach (var t in transcript.Turns)
        {
            row.Clear();
            var instruments = InstrumentReadout.Of(new ClinicalState(t.State)).Scores();
            string[] leading =
            [
                runId, Number(t.Turn), Number(transcript.SessionOf(t.Turn)), t.Patient, t.Therapist,
                string.Join(';', t.AppraisedActs), string.Join(';', t.FiredEvents), string.Join(';', t.Alerts.Select(a => a.Metric).Distinct()),
            ];
            row.AppendJoin(',', leading.Select(Field));
            foreach (var s in _state)
            {
                row.Append(',').Append(t.State.TryGetValue(s, out var v) ? Number(Math.Round(v, 4)) : "");
            }

            foreach (var i in _instruments)
            {
                row.Append(',').Append(instruments.TryGetValue(i, out var v) ? Number(v) : "");
            }

            foreach (var m in _metrics)
            {
                row.Append(',').Append(t.Metrics.TryGetValue(m, out var v) ? Number(v) : "");
            }

            foreach (var m in _metrics)
            {
                row.Append(',').Append(Field(t.Unscored.GetValueOrDefault(m, "")));
            }

            foreach (var p in _probes)
            {
                var answer = t.Probes.LastOrDefault(x => x.Probe == p);
                row.Append(',').Append(answer?.Score is { } score ? Number(score) : "").Append(',').Append(Field(answer?.Answer ?? ""));
            }

            await output.WriteLineAsync(row.ToString().AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Field(string text) => CsvText.Field(text);

    private static string Number(double value) => CsvText.Number(value);
}
