using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Simulator.Cluster.Hosting;
using Simulator.Cluster.Nodes;
using Simulator.Core.Studies;
using Simulator.Core.Validation;
using Simulator.Engine.Costs;
using Simulator.Engine.Hosting;
using Simulator.Engine.Studies;
using Simulator.Monitoring.Aggregates;
using Simulator.Engine.Studies.Analysis;
using Simulator.Models.Costs;
using Simulator.Models.Endpoints;
using Simulator.Models.References;
using Simulator.Storage.Catalogs;
using Simulator.Storage.Runs;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator study &lt;study.yaml&gt;</c>: runs a study's matrix of sessions into a study folder.</summary>
internal static class StudyCommand
{
    /// <summary>Sessions at once against remote models when neither the study nor the command line says.</summary>
    private const int RemoteConcurrency = 64;

    public static Command Create(IServiceProvider services)
    {
        var file = new Argument<string>("study") { Description = "Study file (.yaml), or the name of one in protocols/studies" };
        var concurrency = new Option<int?>("--concurrency") { Description = "Sessions at once (default: the study's, else the cores for scripted models, 64 for remote ones)" };
        var resume = new Option<bool>("--resume") { Description = "Skip runs already complete and continue partial ones" };
        var output = new Option<string?>("--out") { Description = "Study folder (default: runs/<study name>)" };
        var cluster = new Option<string?>("--cluster") { Description = "Run the sessions on an Orleans cluster (cluster file .yaml); the study folder must be reachable from every node" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on standard output" };
        var requireJudge = new Option<bool>("--require-judge") { Description = "Exit 1 when a judge could not score more than 5% of the turns it was asked to" };
        var maxRuns = new Option<int?>("--max-runs") { Description = $"The most runs the study may expand to (default: Simulator:MaxStudyRuns, {StudyRules.DefaultMaxRuns:N0}; at most {StudyRules.MaxRuns:N0})" };
        var baseline = BaselineOption();
        var estimate = new Option<bool>("--estimate") { Description = "Print the calls, tokens and cost the study would take, without running it" };
        var tokensPerTurn = new Option<int>("--tokens-per-turn") { Description = "With --estimate: tokens of one turn's two messages together", DefaultValueFactory = _ => new EstimateAssumptions().TokensPerTurn };
        var command = new Command("study", "Run a study: every combination of its personas, therapists, styles, protocols and seeds")
        {
            file, concurrency, resume, output, cluster, maxRuns, baseline, estimate, tokensPerTurn, json, requireJudge,
        };
        command.SetAction((parse, cancellationToken) => CommandAction.Guard(async () =>
        {
            var study = services.GetRequiredService<StudyCatalog>().Get(parse.GetValue(file)!);
            var runner = services.GetRequiredService<StudyRunner>();
            var settings = services.GetRequiredService<IOptions<SimulatorOptions>>().Value;
            var limit = parse.GetValue(maxRuns) ?? settings.MaxStudyRuns;
            if (limit is < 1 or > StudyRules.MaxRuns)
            {
                throw new InvalidInputException($"{limit} is out of range: must be in 1..{StudyRules.MaxRuns}", field: "--max-runs");
            }

            var jobs = runner.Expand(study, limit);
            if (parse.GetValue(estimate))
            {
                var perTurn = parse.GetValue(tokensPerTurn);
                if (perTurn < 1)
                {
                    throw new InvalidInputException($"{perTurn} is out of range: must be >= 1", field: "--tokens-per-turn");
                }

                var assumptions = new EstimateAssumptions { TokensPerTurn = perTurn };
                var cost = StudyEstimate.Of(jobs, services.GetRequiredService<IOptions<ModelsOptions>>().Value, services.GetRequiredService<PriceTable>(), assumptions);
                return StudyEstimateOutput.Write(study.Document.Name, jobs, cost, assumptions, parse.GetValue(json));
            }

            var clusterFile = parse.GetValue(cluster);
            var given = parse.GetValue(concurrency) ?? study.Document.Concurrency;
            var n = given ?? (clusterFile is not null ? null
                : jobs.All(j => EndpointSlots.EndpointsOf(j.Configuration).Count == 0) ? Environment.ProcessorCount : RemoteConcurrency);
            if (n is < 1 or > StudyRules.MaxConcurrency)
            {
                throw new InvalidInputException($"{n} is out of range: must be in 1..{StudyRules.MaxConcurrency}", field: "--concurrency");
            }

            var folder = new StudyFolder(OutputPath.Folder(parse.GetValue(output) ?? Path.Combine(settings.RunsPath, study.Document.Name), "--out"));
            LogFile.UseRunsFolder(folder.Path);
            var progress = new StudyProgress(jobs.Count, jobs.Sum(j => (long)j.Configuration.TotalTurns), services.GetRequiredService<TimeProvider>());
            var options = new StudyOptions(n, parse.GetValue(resume)) { Contrasts = new ContrastOptions { Baselines = parse.GetValue(baseline) ?? [] } };
            StudyResult result;
            if (clusterFile is null)
            {
                result = await StudyProgressView.FollowAsync(runner.RunAsync(study, jobs, folder, options, progress, cancellationToken), progress, study.Document.Name);
            }
            else
            {
                await using var connection = await ClusterClient.ConnectAsync(ClusterFile.Load(clusterFile), services.GetRequiredService<ILoggerFactory>(), cancellationToken);
                var executor = connection.Executor(services.GetRequiredService<EndpointSlots>(), services.GetRequiredService<TimeProvider>());
                result = await StudyProgressView.FollowAsync(runner.RunAsync(study, jobs, folder, options, progress, executor, cancellationToken), progress, study.Document.Name);
            }

            Write(result, study.File, parse.GetValue(json));
            var judgesFailed = MonitorSummary.WarnOfFailingJudges(JudgeHealth.Sum(folder.Runs.Folders().Select(JudgesOf).SelectMany(j => j)));
            return result.Status switch
            {
                RunStatus.Completed when judgesFailed && parse.GetValue(requireJudge) => ExitCodes.Failure,
                RunStatus.Completed => ExitCodes.Success,
                RunStatus.Cancelled => ExitCodes.Cancelled,
                _ => ExitCodes.Failure,
            };
        }));
        return command;
    }

    // A run's judges, from its own log (a study's runs are not branches).
    private static IReadOnlyList<JudgeHealth> JudgesOf(RunFolder run) =>
        File.Exists(run.EventsPath) ? JudgeHealth.Of(Storage.EventLog.EventLogReader.Read(run.EventsPath).Events.OfType<Core.Events.MonitorScored>()) : [];

    private static void Write(StudyResult result, string studyFile, bool json)
    {
        var p = result.Progress;
        if (json)
        {
            JsonOutput.Write(new
            {
                name = result.Name,
                path = result.Path,
                status = result.Status,
                runs = result.Completed,
                total = result.Runs,
                skipped = result.Skipped,
                failed = result.Failed,
                cancelled = result.Cancelled,
                summary = result.Summary,
                scorecard = result.Scorecard,
                turns = p.Turns,
                turnsPerSecond = Math.Round(p.TurnsPerSecond, 1),
                elapsedSeconds = Math.Round(p.Elapsed.TotalSeconds, 3),
                thisAttempt = new
                {
                    turns = p.AttemptTurns,
                    tokens = result.Totals?.AttemptTokens ?? p.Tokens,
                    alerts = p.Alerts,
                    elapsedSeconds = Math.Round(p.Elapsed.TotalSeconds, 3),
                    cost = result.Totals is { } a ? CostOutput.Json(a.AttemptCost) : null,
                },
                wholeStudy = result.Totals is { } w ? new { turns = w.Turns, tokens = w.Tokens, alerts = w.Alerts, cost = CostOutput.Json(w.Cost) } : null,
                cost = result.Totals is { } c ? CostOutput.Json(c.Cost) : null,
                contrastsFile = result.ContrastsPath,
                contrasts = result.Contrasts.Select(ContrastJson),
                therapists = result.Rows.Select(r => new
                {
                    therapist = r.Therapist,
                    runs = r.Runs,
                    axes = r.Cells.ToDictionary(c => c.Axis, c => new { value = c.Value, runs = c.Runs, unscoredTurns = c.UnscoredTurns, reason = c.Reason }),
                }),
            });
            return;
        }

        var inv = CultureInfo.InvariantCulture;
        Console.Out.WriteLine(string.Create(inv, $"Study {result.Name}: {result.Status}, {result.Completed} of {result.Runs} runs complete ({result.Skipped} from an earlier attempt, {result.Failed.Count} failed, {result.Cancelled} not finished)"));
        Console.Out.WriteLine(string.Create(inv, $"  this attempt  {p.AttemptTurns:N0} turns in {p.Elapsed.TotalSeconds:0.0} s ({p.TurnsPerSecond:N0} turns/s), {result.Totals?.AttemptTokens ?? p.Tokens:N0} tokens, {p.Alerts:N0} alerts{(result.Totals is { } attempt ? $", cost {attempt.AttemptCost.Describe()}" : "")}"));
        if (result.Totals is { } whole)
        {
            Console.Out.WriteLine(string.Create(inv, $"  whole study   {whole.Turns:N0} turns, {whole.Tokens:N0} tokens, {whole.Alerts:N0} alerts, cost {whole.Cost.Describe()}"));
        }

        Console.Out.WriteLine($"  folder        {result.Path}");
        Console.Out.WriteLine($"  summary       {result.Summary}");
        Console.Out.WriteLine($"  scorecard     {result.Scorecard}\n  contrasts     {result.ContrastsPath}");
        foreach (var (run, error) in result.Failed)
        {
            Console.Out.WriteLine($"  failed        {run}: {error}");
        }

        if (result.Status == RunStatus.Cancelled || result.Failed.Count > 0)
        {
            Console.Out.WriteLine($"  continue      simulator study {studyFile} --out {result.Path} --resume");
        }

        Console.Out.WriteLine();
        Console.Out.WriteLine("Scorecard (per therapist; ↑ higher is better, ↓ lower is better; value (runs, unscored turns)):");
        Console.Out.WriteLine();
        Console.Out.Write(Scorecard.ToMarkdown(result.Rows));
        WriteContrasts(result.Contrasts, result.ContrastsPath);
    }

    /// <summary>The <c>--baseline LEVEL</c> option (repeatable).</summary>
    public static Option<string[]> BaselineOption() => new("--baseline")
    {
        Description = "Compare the other levels of a factor with this one (e.g. scripted:faithful, neutral, off); repeatable, one per factor; default: each factor's first level in the study file",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>One contrast as JSON.</summary>
    public static object ContrastJson(Contrast c) => new
    {
        factor = c.Factor,
        level = c.Level,
        baseline = c.Baseline,
        outcome = c.Outcome,
        n = c.N,
        nBaseline = c.NBaseline,
        mean = c.Mean,
        baselineMean = c.BaselineMean,
        difference = c.Difference,
        standardisedEffect = c.Effect,
        lower = c.Lower,
        upper = c.Upper,
        effectLower = c.EffectLower,
        effectUpper = c.EffectUpper,
    };

    /// <summary>Prints the headline contrasts, and where all of them are.</summary>
    public static void WriteContrasts(IReadOnlyList<Contrast> contrasts, string file)
    {
        var lines = ContrastTable.Lines(contrasts, StudyOutcomes.Headline).ToList();
        Console.Out.WriteLine();
        if (lines.Count == 0)
        {
            Console.Out.WriteLine("Contrasts: none (the study varies no factor, or no run completed on both sides)");
            return;
        }

        Console.Out.WriteLine("Contrasts (level − baseline, 95% bootstrap interval over runs, * when it leaves out 0; g = Hedges' g; n = runs level/baseline):");
        Console.Out.WriteLine();
        foreach (var line in lines)
        {
            Console.Out.WriteLine("  " + line);
        }

        Console.Out.WriteLine();
        Console.Out.WriteLine($"Every outcome in {file}");
    }
}
