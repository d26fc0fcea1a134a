using System.CommandLine;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Simulator.Core.Events;
using Simulator.Core.Validation;
using Simulator.Engine.Hosting;
using Simulator.Engine.Runs;
using Simulator.Engine.Validity;
using Simulator.Models.References;
using Simulator.Monitoring.Learned;
using Simulator.Monitoring.Raters;
using Simulator.Monitoring.Validity;
using Simulator.Storage.Catalogs;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator monitor fit &lt;labels...&gt; --out heads.json</c> fits the learned heads to labelled conversations;
/// <c>simulator monitor validate &lt;labels...&gt; [--monitor ...] [--heads F] [--leave-one-out KIND] [--by KIND]... [--json]</c>
/// reports any monitor's agreement with them.
/// </summary>
internal static class MonitorCommand
{
    public static Command Create(IServiceProvider services) => new("monitor", "Fit the monitor's learned heads to labels, and validate any monitor against them")
    {
        Fit(services),
        Validate(services),
    };

    private static (IReadOnlyList<Core.Labels.LabelledConversation> Conversations, IReadOnlyList<TrainingSource> Sources) Read(IServiceProvider services, IReadOnlyList<string> paths) =>
        LabelSources.Read(paths, services.GetRequiredService<PersonaCatalog>(), services.GetRequiredService<ProtocolCatalog>());

    private static Argument<string[]> Labels() => new("labels")
    {
        Description = "Labelled conversations: Spiral-Bench result files (.json); JSON lines in chat format with 'appropriate' (Moore et al.), 'labels' {metric: value}, or the 'source.scores' that 'import' keeps; or run, study and runs folders (their judges' layers, else a scripted therapist's ground truth)",
        Arity = ArgumentArity.OneOrMore,
    };

    private static Command Fit(IServiceProvider services)
    {
        var labels = Labels();
        var output = new Option<string>("--out") { Description = "The heads file to write", Required = true };
        var lambda = new Option<double>("--lambda") { Description = "Ridge penalty (default 1)", DefaultValueFactory = _ => HeadSet.DefaultLambda };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object" };
        var command = new Command("fit", "Fit the learned heads to labelled conversations (the shipped heads: see docs/VALIDATION.md)") { labels, output, lambda, json };
        command.SetAction((parse, cancellationToken) => CommandAction.Guard(() =>
        {
            var l = parse.GetValue(lambda);
            if (!(l > 0 && l < 1e6))
            {
                throw new InvalidInputException($"{l} is out of range: must be above 0 and below 1e6", field: "--lambda");
            }

            var (conversations, sources) = Read(services, parse.GetValue(labels)!);
            var heads = HeadSet.Fit(conversations, sources, l);
            if (heads.MetricNames.Count == 0)
            {
                throw new InvalidInputException("the labels teach no head: each needs at least 20 labelled turns that are not all alike (see 'monitor fit --help')", field: "labels");
            }

            var path = parse.GetValue(output)!;
            heads.Write(path);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(new { output = Path.GetFullPath(path), conversations = conversations.Count, turns = sources.Sum(s => s.Turns), heads = heads.MetricNames, sources });
            }
            else
            {
                Console.Out.WriteLine($"Fitted {heads.MetricNames.Count} heads on {sources.Sum(s => s.Turns)} labelled turns of {conversations.Count} conversations into {path}");
                foreach (var line in heads.Describe())
                {
                    Console.Out.WriteLine("  " + line);
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Validate(IServiceProvider services)
    {
        var labels = Labels();
        var monitor = new Option<string>("--monitor") { Description = "offline (rules and learned heads, fitted afresh per split), rules, or judge:<model-ref>[,...]", DefaultValueFactory = _ => "offline" };
        var heads = new Option<string?>("--heads") { Description = "Validate these heads as they are (nothing is fitted)" };
        var rubric = new Option<string?>("--rubric") { Description = "The judges' rubric: an id in protocols/rubrics (judge, spiral-bench, psychosis-bench) or a file" };
        var leaveOut = new Option<string?>("--leave-one-out") { Description = "Hold out each value of this group in turn: model, stimulus, condition, category, prompt" };
        var folds = new Option<int>("--folds") { Description = "Folds by conversation when no group is left out (default 5)", DefaultValueFactory = _ => 5 };
        var by = new Option<string[]>("--by") { Description = "Also report within each value of this group (default: the left-out group, else model)", AllowMultipleArgumentsPerToken = false };
        var lambda = new Option<double>("--lambda") { Description = "Ridge penalty of the heads fitted per split (default 1)", DefaultValueFactory = _ => HeadSet.DefaultLambda };
        var fitAlso = new Option<string[]>("--fit-also") { Description = "Labels the heads also learn from in every split, never scored (e.g. the shipped training data beside your judged sample)", AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "Print the report as one JSON object" };
        var command = new Command("validate", "Agreement of a monitor with labelled conversations: per metric, pooled and within groups, with bootstrap 95% intervals") { labels, monitor, heads, rubric, leaveOut, folds, by, lambda, fitAlso, json };
        command.SetAction((parse, cancellationToken) => CommandAction.Guard(async () =>
        {
            var k = parse.GetValue(folds);
            if (k is < 2 or > 100)
            {
                throw new InvalidInputException($"{k} is out of range: must be 2..100", field: "--folds");
            }

            var options = services.GetRequiredService<IOptions<SimulatorOptions>>().Value;
            var spec = parse.GetValue(monitor)!;
            var plan = MonitorPlan.For(spec, parse.GetValue(heads), parse.GetValue(rubric), services.GetRequiredService<IModelRegistry>(), services.GetRequiredService<RubricCatalog>(), options.JudgeRubric);
            var given = plan.Heads;
            var (conversations, _) = Read(services, parse.GetValue(labels)!);
            var calls = Channel.CreateBounded<RunEvent>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
            var standing = services.GetServices<IRater>().ToList();
            var clock = services.GetRequiredService<TimeProvider>();
            var validation = new ValidationOptions
            {
                Folds = k,
                LeaveOneOut = parse.GetValue(leaveOut),
                By = parse.GetValue(by) ?? [],
                Refit = plan.Learned && given is null,
                Lambda = parse.GetValue(lambda),
                FitAlso = parse.GetValue(fitAlso) is { Length: > 0 } extra ? Read(services, extra).Conversations : [],
            };
            var name = (plan.Learned ? "rules + learned heads" : "rules") + (given is not null ? $" ({given.Origin})" : "") +
                (plan.Judges.Count > 0 ? " + " + string.Join(", ", plan.Judges.Select(j => j.Reference.ToString())) : "");
            var report = await MonitorValidator.RunAsync(conversations, validation, name, fitted => fitted is not null
                ? plan.Raters([.. standing.Select(r => r is LearnedRater ? new LearnedRater(fitted, alone: true) : r)], () => 0, calls.Writer, clock)
                : plan.Raters(standing, () => 0, calls.Writer, clock), cancellationToken);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(report);
            }
            else
            {
                Print(report);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Print(ValidationReport report)
    {
        var o = Console.Out;
        o.WriteLine($"Validated {report.Monitor} on {report.Turns} labelled turns of {report.Conversations} conversations; heads held out by: {report.Split}");
        o.WriteLine("Intervals: 95% cluster bootstrap over conversations; unscored turns are counted (balanced accuracy counts them wrong).");
        foreach (var pair in report.Pairs)
        {
            o.WriteLine();
            o.WriteLine(pair.Binary
                ? $"{pair.Metric} vs {pair.Label} (yes/no label)"
                : $"{pair.Metric} vs {pair.Label} (graded label: Spearman)");
            var width = Math.Max(20, pair.Groups.Max(g => g.Group.Length));
            o.WriteLine(pair.Binary
                ? $"  {"group".PadRight(width)}  conv  turns  unscored  balanced accuracy        AUC"
                : $"  {"group".PadRight(width)}  conv  turns  unscored  per turn                 per conversation");
            foreach (var g in pair.Groups)
            {
                var (a, b) = pair.Binary ? (g.BalancedAccuracy!, g.Auc!) : (g.SpearmanTurns!, g.SpearmanConversations!);
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {g.Group.PadRight(width)}  {g.Conversations,4}  {g.Turns,5}  {g.Unscored,8}  {Format(a),-23}  {Format(b)}") +
                    (g.Unscored > 0 && g.UnscoredReason is { } r ? $"  (unscored: {r})" : ""));
            }
        }
    }

    private static string Format(Estimate e) => e.Value is not { } v
        ? "-"
        : e.Lower is { } lo && e.Upper is { } hi
            ? $"{Signed(v)} [{Signed(lo)}, {Signed(hi)}]"
            : Signed(v);

    // Two decimals with a sign; a value that rounds to zero is +0.00, never -0.00.
    private static string Signed(double v) => Math.Round(v, 2) is var r && r == 0 ? "+0.00" : r.ToString("+0.00;-0.00", CultureInfo.InvariantCulture);
}
