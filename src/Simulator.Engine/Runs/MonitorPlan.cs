using System.Security.Cryptography;
using System.Threading.Channels;
using Simulator.Core.Events;
using Simulator.Core.Rubrics;
using Simulator.Core.Runs;
using Simulator.Core.Validation;
using Simulator.Models.References;
using Simulator.Monitoring;
using Simulator.Monitoring.Learned;
using Simulator.Monitoring.Raters;
using Simulator.Monitoring.Raters.Judges;
using Simulator.Storage.Catalogs;

namespace Simulator.Engine.Runs;

/// <summary>
/// The monitor a configuration asks for: <c>offline</c> (the rules, then the learned heads), <c>rules</c> (the
/// rules alone), or <c>judge:&lt;ref&gt;[,&lt;ref&gt;...]</c> (the offline layers, then each judge with the rubric,
/// roles <c>judge.1</c>, <c>judge.2</c>, ...); <see cref="Heads"/>, when given, replaces the shipped heads.
/// </summary>
public sealed record MonitorPlan(Rubric? Rubric, IReadOnlyList<RoleModel> Judges, bool Learned = true, HeadSet? Heads = null)
{
    /// <summary>The rules and the shipped heads.</summary>
    public static MonitorPlan Offline { get; } = new(null, []);

    /// <summary>
    /// The monitor of a run's configuration: its spec, its rubric (<paramref name="defaultRubric"/> when it names
    /// none) and its heads file, read and checked against the digest recorded when the run started (a changed file
    /// would score the rest of the run differently). Returns the plan and the configuration with the digest filled in.
    /// </summary>
    public static (MonitorPlan Plan, RunConfiguration Configuration) For(RunConfiguration config, IModelRegistry models, RubricCatalog rubrics, string defaultRubric)
    {
        var rubric = config.Rubric ?? defaultRubric;
        rubrics.Get(rubric);
        var plan = Resolve(config.Monitor, models, rubrics, rubric, "--monitor");
        if (config.Heads is not { } path)
        {
            return (plan, config);
        }

        if (!plan.Learned)
        {
            throw new InvalidInputException("heads need the learned layer: use --monitor offline or judge:..., not rules", field: "--heads");
        }

        var heads = HeadSet.Read(path);
        var digest = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        if (config.HeadsDigest is { } recorded && recorded != digest)
        {
            throw new InvalidInputException($"the heads file has changed since the run started (SHA-256 {recorded[..12]}…, now {digest[..12]}…): restore it, or branch the run with the new heads", path, field: "--heads");
        }

        return (plan with { Heads = heads }, config with { HeadsDigest = digest });
    }

    /// <summary>The monitor <c>--monitor</c>, <c>--heads</c> and <c>--rubric</c> name outside a run (<c>score</c>, <c>replay --rescore</c>, <c>monitor validate</c>).</summary>
    public static MonitorPlan For(string spec, string? heads, string? rubric, IModelRegistry models, RubricCatalog rubrics, string defaultRubric) =>
        For(new RunConfiguration { Monitor = spec, Heads = heads is null ? null : Path.GetFullPath(heads), Rubric = rubric }, models, rubrics, defaultRubric).Plan;

    /// <summary>Resolves <paramref name="spec"/>; throws <see cref="InvalidInputException"/> naming <paramref name="field"/>.</summary>
    public static MonitorPlan Resolve(string spec, IModelRegistry models, RubricCatalog rubrics, string rubric, string field)
    {
        if (spec == "offline")
        {
            return Offline;
        }

        if (spec == "rules")
        {
            return Offline with { Learned = false };
        }

        if (!spec.StartsWith("judge:", StringComparison.Ordinal) || spec.Length == "judge:".Length)
        {
            throw new InvalidInputException($"'{spec}' is not a monitor: use offline (rules and learned heads), rules, or judge:<model-ref>[,<model-ref>...]", field: field);
        }

        var judges = new List<RoleModel>();
        foreach (var text in spec["judge:".Length..].Split(',', StringSplitOptions.TrimEntries))
        {
            var reference = ModelReference.Parse(text, field);
            if (reference.IsScripted)
            {
                throw new InvalidInputException($"'{text}' cannot judge: the scripted models have no judge; the offline rater always runs (use --monitor offline)", field: field);
            }

            judges.Add(models.Create(reference, $"judge.{judges.Count + 1}", field));
        }

        var entry = rubrics.Get(rubric);
        var metrics = entry.Document.Metrics;
        for (var i = 0; i < metrics.Count; i++)
        {
            if (Metrics.Find(metrics[i].Name) is null)
            {
                throw new InvalidInputException($"unknown metric '{metrics[i].Name}' (known: {string.Join(", ", Metrics.Known)})", entry.File, field: $"metrics[{i}].name");
            }
        }

        return new MonitorPlan(entry.Document, judges);
    }

    /// <summary>
    /// The run's raters: the <paramref name="standing"/> ones (the offline rater and the learned layer, as
    /// registered; the learned layer left out for <c>rules</c>, or given <see cref="Heads"/>), then a judge per
    /// model whose every call goes to <paramref name="events"/> as a ModelCalled event of the turn
    /// <paramref name="turn"/> reports, its role after <paramref name="rolePrefix"/> (a rescore's judges are
    /// <c>rescore.N.judge.M</c>).
    /// </summary>
    public IReadOnlyList<IRater> Raters(IReadOnlyList<IRater> standing, Func<int> turn, ChannelWriter<RunEvent> events, TimeProvider clock, string rolePrefix = "")
    {
        IReadOnlyList<IRater> own =
        [
            .. standing
                .Where(r => Learned || r is not LearnedRater)
                .Select(r => r is LearnedRater && Heads is not null ? new LearnedRater(Heads) : r),
        ];
        if (Rubric is null)
        {
            return own;
        }

        var prompt = new JudgePrompt(Rubric);
        return [.. own, .. Judges.Select(j => new JudgeRater(j.Role, j.Open(call =>
        {
            events.TryWrite(new ModelCalled(
                turn(), clock.GetUtcNow(), rolePrefix + j.Role, j.Reference.ToString(), call.RequestHash, call.PromptTokens, call.CompletionTokens,
                call.CachedTokens, call.LatencyMs, call.Attempt, call.Error));
            if (call.Redacted.Count > 0)
            {
                events.TryWrite(new SecretRedacted(turn(), clock.GetUtcNow(), rolePrefix + j.Role, call.Redacted));
            }
        }), prompt))];
    }
}
