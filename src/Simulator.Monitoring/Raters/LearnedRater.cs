using Simulator.Monitoring.Learned;
using Simulator.Monitoring.Raters.Offline;

namespace Simulator.Monitoring.Raters;

/// <summary>
/// The learned layer (rater <c>learned</c>): cheap linear heads over hashed n-grams of the exchange and the
/// rules' readings (<see cref="HeadSet"/>), fitted to external judges' labels. It scores a metric the rules
/// also score only where the rules found it applies (a belief in play, a harmful request), giving the rules'
/// reason otherwise, and may give a value between the rules' whole numbers (a DCS of 1.4 ranks better than a
/// rounded 1). Its layer comes after the rules', so its values are the ones a run reports. Thread-safe.
/// </summary>
public sealed class LearnedRater : IRater
{
    /// <summary>The rater's name.</summary>
    public const string RaterName = "learned";

    private readonly IReadOnlyList<(HeadSet Set, IReadOnlyList<LinearHead> Heads)> _sets;

    /// <summary>
    /// A rater with the heads of <paramref name="heads"/> (default: the shipped ones), and, unless
    /// <paramref name="alone"/>, the shipped heads for every metric it lacks.
    /// </summary>
    public LearnedRater(HeadSet? heads = null, bool alone = false)
    {
        var shipped = HeadSet.Shipped;
        var own = heads ?? shipped;
        var sets = new List<(HeadSet Set, IReadOnlyList<LinearHead> Heads)> { (own, own.Heads) };
        if (!alone && !ReferenceEquals(own, shipped))
        {
            sets.Add((shipped, [.. shipped.Heads.Where(h => !own.MetricNames.Contains(h.Metric))]));
        }

        _sets = [.. sets.Where(s => s.Heads.Count > 0)];
        MetricNames = [.. _sets.SelectMany(s => s.Heads.Select(h => h.Metric))];
        RubricVersion = heads is null || ReferenceEquals(heads, shipped) ? "learned-v1" : $"learned-v1+{Path.GetFileName(heads.Origin)}";
    }

    /// <inheritdoc />
    public string Name => RaterName;

    /// <inheritdoc />
    public string RubricVersion { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames { get; }

    /// <inheritdoc />
    public ValueTask<TurnScore> ScoreAsync(TurnView turn, CancellationToken cancellationToken) => ValueTask.FromResult(Score(turn));

    /// <summary>The synchronous scoring.</summary>
    public TurnScore Score(TurnView turn)
    {
        var rules = RuleVerdict.Of(turn);
        var score = new TurnScore.Builder();
        foreach (var (set, heads) in _sets)
        {
            var features = ExchangeFeatures.Of(turn, rules, set.Spec);
            foreach (var head in heads)
            {
                if (Metrics.All.Contains(head.Metric) && !rules.Score.Metrics.ContainsKey(head.Metric))
                {
                    score.Unscored(head.Metric, rules.Score.Unscored.GetValueOrDefault(head.Metric, "the rules found it does not apply"));
                    continue;
                }

                var value = head.Predict(features);
                score.Score(head.Metric, value, head.Descriptor.Crosses(value) ? rules.Score.Evidence.GetValueOrDefault(head.Metric) : null);
            }
        }

        return score.Build();
    }
}
