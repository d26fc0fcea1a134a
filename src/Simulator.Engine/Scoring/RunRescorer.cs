using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Simulator.Core.Events;
using Simulator.Core.Personas;
using Simulator.Core.Transcripts;
using Simulator.Engine.Hosting;
using Simulator.Engine.Runs;
using Simulator.Models.References;
using Simulator.Monitoring.Raters;
using Simulator.Monitoring.Worker;
using Simulator.Storage.Catalogs;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Scoring;

/// <summary>
/// <c>replay --rescore</c>: runs a monitor over a saved run's recorded turns and appends its scores
/// to the run's log as a new layer (rescore N, each layer with its rater and rubric version). The
/// turns are not touched and the run's content hash does not change; readers pick a layer or take
/// the merge, where the newest layer wins.
/// </summary>
public sealed class RunRescorer(
    PersonaCatalog personas,
    ProtocolCatalog protocols,
    RubricCatalog rubrics,
    IModelRegistry models,
    IEnumerable<IRater> raters,
    TimeProvider clock,
    IOptions<SimulatorOptions> options)
{
    /// <summary>Scores every turn of <paramref name="run"/> with <paramref name="monitor"/>; returns the rescore's number and its layers.</summary>
    public async Task<(int Rescore, IReadOnlyList<string> Layers, int Turns)> RescoreAsync(string run, string monitor, string? runsRoot, CancellationToken cancellationToken, string? heads = null, string? rubric = null)
    {
        var store = new RunStore(runsRoot ?? options.Value.RunsPath);
        var folder = store.Open(run);
        using var runLock = RunLock.Take(folder);
        var history = RunHistory.Load(store, folder);
        var transcript = RunTranscript.From(history.Events);
        var config = transcript.Configuration ?? history.Manifest.Configuration;
        var plan = MonitorPlan.For(monitor, heads, rubric, models, rubrics, options.Value.JudgeRubric);
        var notes = new CaseNotes(personas.Get(config.Persona).Document.WithVariant(config.Variant), protocols.Get(config.Protocol).Document);
        var rescore = history.Own.Events.OfType<MonitorScored>().Select(m => m.Rescore).DefaultIfEmpty(0).Max() + 1;

        var exchanges = transcript.Turns.Select(t => new Exchange(t.Patient, t.Therapist)).ToArray();
        var turns = Channel.CreateUnbounded<TurnView>();
        for (var i = 0; i < exchanges.Length; i++)
        {
            turns.Writer.TryWrite(TurnView.Of(exchanges, i, notes, config.FirstTurnOf(config.SessionOf(i + 1)) - 1));
        }

        turns.Writer.Complete();
        var events = Channel.CreateUnbounded<RunEvent>(new UnboundedChannelOptions { SingleReader = true });
        var log = EventLogWriter.Open(folder.EventsPath);
        var writing = RunLogWriter.PumpAsync(events.Reader, log);
        MonitorWorker? worker = null;
        worker = new MonitorWorker(plan.Raters([.. raters], () => worker!.Turn, events.Writer, clock, $"{ModelCalled.RescorePrefix}{rescore}."), clock, rescore: rescore);
        try
        {
            await worker.RunAsync(turns.Reader, events.Writer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            events.Writer.Complete();
            await writing.ConfigureAwait(false);
            await log.DisposeAsync().ConfigureAwait(false);
        }

        RunStore.WriteManifest(folder, history.Manifest with { UpdatedAt = clock.GetUtcNow() });
        var layers = EventLogReader.Read(folder.EventsPath).Events.OfType<MonitorScored>().Where(m => m.Rescore == rescore).Select(m => m.Rater).Distinct().ToList();
        return (rescore, layers, exchanges.Length);
    }
}
