using System.Threading.Channels;
using Simulator.Core.Events;
using Simulator.Core.Rubrics;
using Simulator.Core.Validation;
using Simulator.Models.References;
using Simulator.Monitoring;
using Simulator.Monitoring.Raters;
using Simulator.Monitoring.Raters.Judges;
using Simulator.Storage.Catalogs;

namespace Simulator.Engine.Runs;

/// <summary>
/// The monitor a configuration asks for (<c>--monitor offline</c> or <c>judge:&lt;ref&gt;[,&lt;ref&gt;...]</c>):
/// the offline rater always, then each judge with the rubric, roles <c>judge.1</c>, <c>judge.2</c>, ...
/// </summary>
public sealed record MonitorPlan(Rubric? Rubric, IReadOnlyList<RoleModel> Judges)
{
    /// <summary>The offline rater only.</summary>
    public static MonitorPlan Offline { get; } = new(null, []);

    /// <summary>Resolves <paramref name="spec"/>; throws <see cref="InvalidInputException"/> naming <paramref name="field"/>.</summary>
    public static MonitorPlan Resolve(string spec, IModelRegistry models, RubricCatalog rubrics, string rubric, string field)
    {
        if (spec == "offline")
        {
            return Offline;
        }

        if (!spec.StartsWith("judge:", StringComparison.Ordinal) || spec.Length == "judge:".Length)
        {
            throw new InvalidInputException($"'{spec}' is not a monitor: use offline, or judge:<model-ref>[,<model-ref>...]", field: field);
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
            if (!Metrics.All.Contains(metrics[i].Name))
            {
                throw new InvalidInputException($"unknown metric '{metrics[i].Name}' (known: {string.Join(", ", Metrics.All)})", entry.File, field: $"metrics[{i}].name");
            }
        }

        return new MonitorPlan(entry.Document, judges);
    }

    /// <summary>
    /// The run's raters: the <paramref name="standing"/> ones (the offline rater, and any registered),
    /// then a judge per model whose every call goes to <paramref name="events"/> as a ModelCalled
    /// event of the turn <paramref name="turn"/> reports, its role after <paramref name="rolePrefix"/>
    /// (a rescore's judges are <c>rescore.N.judge.M</c>).
    /// </summary>
    public IReadOnlyList<IRater> Raters(IReadOnlyList<IRater> standing, Func<int> turn, ChannelWriter<RunEvent> events, TimeProvider clock, string rolePrefix = "")
    {
        if (Rubric is null)
        {
            return standing;
        }

        var prompt = new JudgePrompt(Rubric);
        return [.. standing, .. Judges.Select(j => new JudgeRater(j.Role, j.Open(call =>
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
