using System.Collections.Concurrent;
using Simulator.Core.Labels;
using Simulator.Monitoring.Learned;
using Simulator.Monitoring.Raters;

namespace Simulator.Monitoring.Validity;

/// <summary>
/// Validates a monitor against labelled conversations (<c>simulator monitor validate</c>): scores every labelled
/// turn with the monitor's raters and sets each metric against the labels that measure it
/// (<see cref="LabelPairs"/>), pooled and within groups, with cluster-bootstrap intervals. When the learned heads
/// are part of what is validated, they are fitted afresh for each split on the other conversations only: by
/// conversation (k folds), or leaving out one group at a time (a model, a stimulus). Works for any rater, so an
/// LLM judge can be validated the same way.
/// </summary>
public static class MonitorValidator
{
    /// <summary>
    /// Runs the validation; <paramref name="raters"/> gives the monitor's raters in layer order for a split's
    /// fitted heads (null when nothing is fitted).
    /// </summary>
    public static async Task<ValidationReport> RunAsync(
        IReadOnlyList<LabelledConversation> conversations,
        ValidationOptions options,
        string monitor,
        Func<HeadSet?, IReadOnlyList<IRater>> raters,
        CancellationToken cancellationToken)
    {
        var spec = FeatureSpec.Default;
        var turns = LabelledTurn.Of(conversations, spec);
        var also = options.Refit ? LabelledTurn.Of(options.FitAlso, spec).Select(t => t with { Conversation = t.Conversation + conversations.Count }).ToList() : [];
        var splits = Splits(conversations, options);
        var scores = new ConcurrentDictionary<LabelledTurn, TurnScore>();
        foreach (var (name, test) in splits)
        {
            var held = turns.Where(t => test.Contains(t.Conversation)).ToList();
            if (held.Count == 0)
            {
                continue;
            }

            HeadSet? heads = null;
            if (options.Refit)
            {
                var train = turns.Where(t => !test.Contains(t.Conversation)).Concat(also).ToList();
                heads = new HeadSet(spec, HeadFitter.Fit(train, spec, options.Lambda), [], $"fitted without {name}");
            }

            var layers = raters(heads);
            await Parallel.ForEachAsync(held, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken }, async (t, ct) =>
                scores[t] = await ScoreAsync(layers, t.View, ct).ConfigureAwait(false)).ConfigureAwait(false);
        }

        var by = options.By.Count > 0 ? options.By : options.LeaveOneOut is { } kind ? [kind] : ["model"];
        var pairs = new List<PairResult>();
        foreach (var label in turns.SelectMany(t => t.Labels.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var labelled = turns.Where(t => t.Labels.ContainsKey(label) && scores.ContainsKey(t)).ToList();
            var binary = labelled.All(t => t.Labels[label] is 0 or 1);
            foreach (var metric in LabelPairs.MetricsFor(label))
            {
                var groups = new List<GroupResult> { Group("all", labelled, metric, label, binary, scores) };
                foreach (var k in by)
                {
                    foreach (var g in labelled.GroupBy(t => conversations[t.Conversation].Groups.GetValueOrDefault(k)).Where(g => g.Key is not null).OrderBy(g => g.Key, StringComparer.Ordinal))
                    {
                        groups.Add(Group($"{k}={g.Key}", [.. g], metric, label, binary, scores));
                    }
                }

                pairs.Add(new PairResult(metric, label, binary, groups));
            }
        }

        var split = !options.Refit ? "none (nothing fitted)"
            : (options.LeaveOneOut is { } loo ? $"leave one {loo} out ({splits.Count} splits)" : $"{options.Folds} folds by conversation")
                + (also.Count > 0 ? $", each also fitted on {also.Count} turns of {options.FitAlso.Count} other conversations" : "");
        return new ValidationReport(monitor, split, conversations.Count, turns.Count, pairs);
    }

    // Each split: its name and the conversations it holds out.
    private static List<(string Name, HashSet<int> Test)> Splits(IReadOnlyList<LabelledConversation> conversations, ValidationOptions options)
    {
        var all = Enumerable.Range(0, conversations.Count);
        if (!options.Refit)
        {
            return [("all", [.. all])];
        }

        if (options.LeaveOneOut is { } kind)
        {
            return
            [
                .. all.GroupBy(i => conversations[i].Groups.GetValueOrDefault(kind) ?? "(none)")
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => ($"{kind}={g.Key}", g.ToHashSet())),
            ];
        }

        return
        [
            .. all.GroupBy(i => (int)(StableHash(conversations[i].Id) % (uint)options.Folds))
                .OrderBy(g => g.Key)
                .Select(g => ($"fold {g.Key + 1}", g.ToHashSet())),
        ];
    }

    private static async Task<TurnScore> ScoreAsync(IReadOnlyList<IRater> raters, TurnView view, CancellationToken cancellationToken)
    {
        var merged = new TurnScore.Builder();
        var scored = new HashSet<string>(StringComparer.Ordinal);
        var layers = await Task.WhenAll(raters.Select(r => r.ScoreAsync(view, cancellationToken).AsTask())).ConfigureAwait(false);
        foreach (var layer in layers)
        {
            foreach (var (metric, value) in layer.Metrics)
            {
                merged.Score(metric, value, layer.Evidence.GetValueOrDefault(metric));
                scored.Add(metric);
            }

            foreach (var (metric, reason) in layer.Unscored.Where(u => !scored.Contains(u.Key)))
            {
                merged.Unscored(metric, reason);
            }
        }

        return merged.Build();
    }

    private static GroupResult Group(string name, IReadOnlyList<LabelledTurn> turns, string metric, string label, bool binary, ConcurrentDictionary<LabelledTurn, TurnScore> scores)
    {
        var rows = turns.Select(t => new Row(t.Conversation, t.Labels[label], scores[t].Metrics.TryGetValue(metric, out var v) ? v : null, scores[t].Unscored.GetValueOrDefault(metric))).ToList();
        var clusters = rows.GroupBy(r => r.Conversation).Select(g => (IReadOnlyList<Row>)[.. g]).ToList();
        var unscored = rows.Count(r => r.Value is null);
        var reason = rows.Where(r => r.Value is null && r.Reason is not null).GroupBy(r => r.Reason!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();
        var descriptor = Metrics.Descriptor(metric);
        if (binary)
        {
            // AUC ranks in the harmful direction, so 0.5 is chance whichever way the metric runs.
            var sign = descriptor.HigherIsWorse ? 1 : -1;
            return new GroupResult(name, clusters.Count, rows.Count, unscored, reason, null, null,
                Bootstrap.Of(clusters, c =>
                {
                    var all = c.SelectMany(x => x).ToList();
                    return (AgreementStatistics.BalancedAccuracy([.. all.Select(r => r.Value is { } v ? descriptor.Crosses(v) : (bool?)null)], [.. all.Select(r => r.Label >= 0.5)]), all.Count);
                }),
                Bootstrap.Of(clusters, c =>
                {
                    var scored = c.SelectMany(x => x).Where(r => r.Value is not null).ToList();
                    return (AgreementStatistics.Auc([.. scored.Select(r => sign * r.Value!.Value)], [.. scored.Select(r => r.Label >= 0.5)]), scored.Count);
                }));
        }

        return new GroupResult(name, clusters.Count, rows.Count, unscored, reason,
            Bootstrap.Of(clusters, c =>
            {
                var scored = c.SelectMany(x => x).Where(r => r.Value is not null).ToList();
                return (AgreementStatistics.Spearman([.. scored.Select(r => r.Value!.Value)], [.. scored.Select(r => r.Label)]), scored.Count);
            }),
            Bootstrap.Of(clusters, c =>
            {
                // A resample may hold a conversation twice: each copy is its own point.
                var means = c.Select(x => x.Where(r => r.Value is not null).ToList()).Where(x => x.Count > 0)
                    .Select(x => (Value: x.Average(r => r.Value!.Value), Label: x.Average(r => r.Label))).ToList();
                return (AgreementStatistics.Spearman([.. means.Select(m => m.Value)], [.. means.Select(m => m.Label)]), means.Count);
            }),
            null,
            null);
    }

    private readonly record struct Row(int Conversation, double Label, double? Value, string? Reason);

    private static uint StableHash(string text)
    {
        var h = 2166136261u;
        foreach (var c in text)
        {
            h = (h ^ c) * 16777619u;
        }

        return h;
    }
}
