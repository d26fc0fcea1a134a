using Microsoft.Extensions.Logging;
using Simulator.Core.Runs;
using Simulator.Core.Studies;
using Simulator.Core.Transcripts;
using Simulator.Core.Validation;
using Simulator.Core.Events;
using Simulator.Engine.Costs;
using Simulator.Engine.Runs;
using Simulator.Engine.Studies.Analysis;
using Simulator.Models.Costs;
using Simulator.Monitoring.Aggregates;
using Simulator.Storage.Catalogs;
using Simulator.Storage.Files;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Studies;

/// <summary>
/// Runs a study (DESIGN §9): expands it into runs, checks every configuration before anything is
/// written, then feeds the runs through a bounded channel to a fixed number of workers, each run
/// also holding a slot on the model endpoints it calls. With <c>resume</c>, runs already complete
/// are skipped and partial ones continue from their logs. Cancellation stops every run in progress
/// after its current turn (each keeps its completed turns, resumable). The folder ends with
/// <c>summary.csv</c> and the scorecard, written from whatever runs exist.
/// </summary>
public sealed partial class StudyRunner(RunService runs, PersonaCatalog personas, LocalSessionExecutor local, TimeProvider clock, PriceTable prices, ILogger<StudyRunner> log)
{
    /// <summary>The study's runs, in order (at most <see cref="StudyRules.MaxRuns"/>).</summary>
    public IReadOnlyList<StudyJob> Expand(CatalogEntry<Study> study) => Expand(study, StudyRules.MaxRuns);

    /// <summary>The study's runs, in order; more than <paramref name="maxRuns"/> is refused, naming the study file and its largest factor.</summary>
    public IReadOnlyList<StudyJob> Expand(CatalogEntry<Study> study, int maxRuns)
    {
        ArgumentNullException.ThrowIfNull(study);
        try
        {
            // A heads file is named relative to the study file.
            var document = study.Document.Heads is { } heads
                ? study.Document with { Heads = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(study.File)) ?? "", heads)) }
                : study.Document;
            return StudyMatrix.Expand(document, id => [.. personas.Get(id).Document.Variants.Select(v => v.Id)], maxRuns);
        }
        catch (InvalidInputException ex) when (ex.File is null)
        {
            throw StudyError(study, ex, ex.Field is null or "persona" ? "personas" : ex.Field);
        }
    }

    /// <summary>
    /// Checks every configuration <paramref name="jobs"/> give as <c>study</c> does before it starts a run (personas,
    /// models, protocols, monitor, turns and sessions within the engine's limits); a bad one is an
    /// <see cref="InvalidInputException"/> naming the study file, the line and the field.
    /// </summary>
    public void Check(CatalogEntry<Study> study, IReadOnlyList<StudyJob> jobs) => _ = Checked(study, jobs);

    /// <summary>Runs <paramref name="study"/> into <paramref name="folder"/>; <paramref name="progress"/> counts as it goes.</summary>
    public async Task<StudyResult> RunAsync(
        CatalogEntry<Study> study, IReadOnlyList<StudyJob> jobs, StudyFolder folder, StudyOptions options, StudyProgress progress, CancellationToken cancellationToken) =>
        await RunAsync(study, jobs, folder, options, progress, local, cancellationToken).ConfigureAwait(false);

    /// <summary>Runs <paramref name="study"/> into <paramref name="folder"/> on <paramref name="executor"/>; <paramref name="progress"/> counts as it goes.</summary>
    public async Task<StudyResult> RunAsync(
        CatalogEntry<Study> study, IReadOnlyList<StudyJob> jobs, StudyFolder folder, StudyOptions options, StudyProgress progress, ISessionExecutor executor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var normalised = Checked(study, jobs);
        ContrastAnalysis.CheckBaselines(jobs.Select(j => StudyFactors.Levels(j.Configuration)), StudyFactors.All, options.Contrasts.Baselines);
        var used = Directory.Exists(folder.Path);
        Directory.CreateDirectory(folder.Path);

        // One process at a time in a study folder: a second one (say a --resume while the study still runs) is refused.
        using var folderLock = FolderLock.Take(folder.Path, "study", "the study folder");
        var existing = Existing(study, jobs, folder, options.Resume, normalised, used);
        var attemptStarted = clock.GetUtcNow();
        var created = folder.ReadManifest()?.CreatedAt ?? attemptStarted;
        folder.Write(Manifest(study, jobs, created, RunStatus.Running, 0, 0));

        var summary = new StudySummary(jobs);
        var scorecard = new Scorecard();
        var observations = new RunObservation?[jobs.Count];
        var tallies = new RunTally?[jobs.Count];
        void Summarise(StudyFolder folder, IReadOnlyList<StudyJob> jobs, int index, StudySummary summary, Scorecard scorecard, RunObservation?[] observations) =>
            SummariseRun(folder, jobs, index, summary, scorecard, observations, tallies, prices, attemptStarted);
        var failed = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var work = new List<SessionWork>(jobs.Count);
        for (var i = 0; i < jobs.Count; i++)
        {
            if (existing.GetValueOrDefault(jobs[i].RunId) is { Status: RunStatus.Completed } before && before.TurnsCompleted >= jobs[i].Configuration.TotalTurns)
            {
                progress.Skipped(before.TurnsCompleted);
                Summarise(folder, jobs, i, summary, scorecard, observations);
            }
            else
            {
                work.Add(new SessionWork(i, jobs[i]));
            }
        }

        LogStarting(study.Document.Name, jobs.Count, work.Count, options.Concurrency?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default", folder.Path);
        await executor.ExecuteAsync(new SessionBatch(Path.GetFullPath(folder.Path), work, options.Concurrency), progress, (index, result, error) =>
        {
            error ??= result is { Status: RunStatus.Failed } ? result.Error ?? "failed" : null;
            if (error is not null)
            {
                failed[jobs[index].RunId] = error;
            }

            Summarise(folder, jobs, index, summary, scorecard, observations);
        }, cancellationToken).ConfigureAwait(false);

        // Runs that got no row this attempt (never reached after Ctrl+C, or stopped before their first
        // turn) but exist from this or an earlier attempt still get one.
        for (var i = 0; i < jobs.Count; i++)
        {
            if (!summary.Has(i) && File.Exists(new RunFolder(jobs[i].RunId, Path.Combine(folder.Path, jobs[i].RunId)).ManifestPath))
            {
                Summarise(folder, jobs, i, summary, scorecard, observations);
            }
        }

        // Without Ctrl+C every run should be complete; one that is not is a failure, named.
        for (var i = 0; i < jobs.Count && !cancellationToken.IsCancellationRequested; i++)
        {
            if (summary.StatusOf(i) is not RunStatus.Completed and var ended)
            {
                failed.TryAdd(jobs[i].RunId, $"the run ended {ended ?? "without starting"}");
            }
        }

        var snapshot = progress.Snapshot();
        var completed = summary.Completed;
        var status = failed.IsEmpty ? completed == jobs.Count ? RunStatus.Completed : RunStatus.Cancelled : RunStatus.Failed;
        AtomicFile.WriteAllText(folder.SummaryPath, summary.ToCsv());
        AtomicFile.WriteAllText(folder.ScorecardPath, scorecard.ToCsv());
        AtomicFile.WriteAllText(folder.ScorecardTablePath, scorecard.ToMarkdown());
        var complete = Enumerable.Range(0, jobs.Count).Where(i => summary.StatusOf(i) == RunStatus.Completed).Select(i => observations[i]).OfType<RunObservation>().ToList();
        var contrasts = ContrastAnalysis.Of(complete, StudyFactors.All, options.Contrasts);
        AtomicFile.WriteAllText(folder.ContrastsPath, ContrastTable.ToCsv(contrasts));
        folder.Write(Manifest(study, jobs, created, status, completed, jobs.Count - completed));
        LogEnded(study.Document.Name, status, completed, jobs.Count);
        var counted = tallies.OfType<RunTally>().ToList();
        var totals = new StudyTotals(
            counted.Sum(t => (long)t.Turns), counted.Sum(t => t.Tokens), counted.Sum(t => (long)t.Alerts), RunCost.Sum(prices.Currency, counted.Select(t => t.Cost)),
            counted.Sum(t => t.AttemptTokens), RunCost.Sum(prices.Currency, counted.Select(t => t.AttemptCost)));
        return new StudyResult(
            study.Document.Name, folder.Path, status, jobs.Count, completed, snapshot.Skipped, failed, jobs.Count - completed - failed.Count,
            folder.SummaryPath, folder.ScorecardPath, scorecard.Rows(), snapshot)
        {
            ContrastsPath = folder.ContrastsPath,
            Contrasts = contrasts,
            Totals = totals,
        };
    }

    /// <summary>
    /// Resolves each distinct configuration (seed and guard aside) once, so a bad persona, model or
    /// monitor fails before any run starts; returns each job's configuration as its run will record it.
    /// </summary>
    private Func<RunConfiguration, RunConfiguration> Checked(CatalogEntry<Study> study, IReadOnlyList<StudyJob> jobs)
    {
        var resolved = new Dictionary<RunConfiguration, RunConfiguration>();
        foreach (var config in jobs.Select(j => Key(j.Configuration)).Distinct())
        {
            try
            {
                resolved[config] = runs.Resolve(config).Plan.Configuration;
            }
            catch (InvalidInputException ex) when (ex.File is null)
            {
                throw StudyError(study, ex, ex.Field switch
                {
                    "--persona" or "persona" => "personas",
                    "--therapist" => "therapists",
                    "--protocol" or "protocol" => "protocols",
                    "--patient" => "patient",
                    "--monitor" => "monitor",
                    "--heads" => "heads",
                    "--turns" => "turns",
                    "--sessions" => "sessions",
                    "--probe-every" => "probe_every",
                    "--style" => "styles",
                    _ => ex.Field ?? "",
                });
            }
        }

        return c => resolved[Key(c)] with { Seed = c.Seed, Guard = c.Guard };

        static RunConfiguration Key(RunConfiguration c) => c with { Seed = 0, Guard = false };
    }

    /// <summary>
    /// The manifests of the study's runs already in the folder. Without <paramref name="resume"/> the
    /// folder must hold none; with it, each must have been made with its job's configuration.
    /// </summary>
    private static Dictionary<string, RunManifest> Existing(
        CatalogEntry<Study> study, IReadOnlyList<StudyJob> jobs, StudyFolder folder, bool resume, Func<RunConfiguration, RunConfiguration> recorded, bool existed)
    {
        var found = new Dictionary<string, RunManifest>(StringComparer.Ordinal);
        if (!existed)
        {
            return found;
        }

        if (!resume)
        {
            if (folder.IsUsed)
            {
                throw new InvalidInputException("the study folder already holds a study; add --resume to continue it, or --out for a new folder", folder.Path, field: "--out");
            }

            return found;
        }

        if (folder.ReadManifest() is { } previous && previous.Name != study.Document.Name)
        {
            throw new InvalidInputException($"the folder holds study '{previous.Name}', not '{study.Document.Name}'", folder.ManifestPath, field: "name");
        }

        foreach (var job in jobs)
        {
            var run = new RunFolder(job.RunId, Path.Combine(folder.Path, job.RunId));
            if (!File.Exists(run.ManifestPath))
            {
                continue;
            }

            var manifest = RunStore.ReadManifest(folder.Runs.Open(job.RunId));
            if (manifest.Configuration != recorded(job.Configuration))
            {
                throw new InvalidInputException(
                    $"run {job.RunId} was made with another configuration than the study now gives it; run the changed study into a new folder (--out)",
                    run.ManifestPath, field: "configuration");
            }

            found[job.RunId] = manifest;
        }

        return found;
    }

    /// <summary>Reads one run back (its log, not what the runner saw) into the summary and the scorecard.</summary>
    private static void SummariseRun(
        StudyFolder folder, IReadOnlyList<StudyJob> jobs, int index, StudySummary summary, Scorecard scorecard, RunObservation?[] observations,
        RunTally?[] tallies, PriceTable prices, DateTimeOffset attemptStarted)
    {
        var job = jobs[index];
        var store = folder.Runs;
        try
        {
            var run = store.Open(job.RunId);
            var manifest = RunStore.ReadManifest(run);
            var history = RunHistory.Load(store, run);
            var transcript = RunTranscript.From(history.Events);
            var aggregates = SessionAggregates.Of(transcript);
            var cost = RunCost.Of(history.Own.Events, prices);
            var attempt = RunCost.Of(history.Own.Events, prices, attemptStarted);
            var tokens = history.Own.Events.OfType<ModelCalled>().Sum(c => c.PromptTokens + c.CompletionTokens);
            var alerts = transcript.Turns.Sum(t => t.Alerts.Count);
            tallies[index] = new RunTally(transcript.Turns.Count, tokens, alerts, cost, attempt.Lines.Sum(l => l.PromptTokens + l.CompletionTokens), attempt);
            summary.Set(index, manifest.Status, transcript.Turns.Count, alerts, manifest.ContentHash, manifest.Error, aggregates.Flat, tokens, cost.Total);
            lock (scorecard)
            {
                scorecard.Add(RunOutcome.Of(manifest.Configuration, transcript));
            }

            observations[index] = transcript.Configuration is null ? null : RunObservation.Of(job.RunId, transcript, aggregates);
        }
        catch (Exception ex) when (ex is InvalidInputException or IOException)
        {
            summary.Set(index, RunStatus.Failed, 0, 0, null, ex.Message, new Dictionary<string, double?>());
        }
    }

    /// <summary>What one run adds to the study's totals.</summary>
    private sealed record RunTally(int Turns, long Tokens, int Alerts, RunCost Cost, long AttemptTokens, RunCost AttemptCost);

    private StudyManifest Manifest(CatalogEntry<Study> study, IReadOnlyList<StudyJob> jobs, DateTimeOffset created, string status, int completed, int incomplete) => new()
    {
        Name = study.Document.Name,
        File = study.File,
        FileHash = study.Hash,
        CreatedAt = created,
        UpdatedAt = clock.GetUtcNow(),
        Status = status,
        Runs = jobs.Count,
        Completed = completed,
        Incomplete = incomplete,
        RunIds = [.. jobs.Select(j => j.RunId)],
    };

    /// <summary>An error about a configuration the study gave, named by the study file, the line its value is on and the study's field.</summary>
    private static InvalidInputException StudyError(CatalogEntry<Study> study, InvalidInputException ex, string field) =>
        new(ex.Reason, study.File, Storage.Yaml.YamlDocumentLoader.LineOf(study.File, field), field, ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Study {Study}: {Runs} runs, {ToRun} to run, {Concurrency} at a time, into {Folder}")]
    private partial void LogStarting(string study, int runs, int toRun, string concurrency, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Study {Study} {Status}: {Completed} of {Runs} runs complete")]
    private partial void LogEnded(string study, string status, int completed, int runs);
}
