namespace Simulator.Monitoring.Learned;

/// <summary>
/// Fits the learned heads to labelled turns: for each metric of <see cref="HeadTargets.Metrics"/> with at least
/// <see cref="MinTurns"/> targets that are not all alike, a ridge regression (<see cref="RidgeRegression"/>) on
/// the turns' features, its weights rounded to fixed point.
/// </summary>
internal static class HeadFitter
{
    /// <summary>The fewest labelled turns a head is fitted on.</summary>
    public const int MinTurns = 20;

    /// <summary>The ridge penalty of the shipped heads.</summary>
    public const double DefaultLambda = 1.0;

    /// <summary>The heads <paramref name="turns"/> teach, for <paramref name="metrics"/> (default: every metric with a head).</summary>
    public static IReadOnlyList<LinearHead> Fit(IReadOnlyList<LabelledTurn> turns, FeatureSpec spec, double lambda = DefaultLambda, IReadOnlyList<string>? metrics = null)
    {
        var heads = new List<LinearHead>();
        foreach (var metric in metrics ?? HeadTargets.Metrics)
        {
            var descriptor = Metrics.Descriptor(metric);
            var labelled = turns.Where(t => HeadTargets.Of(metric, t.Labels) is not null).ToList();
            var perSource = labelled.GroupBy(t => t.Source).ToDictionary(g => g.Key, g => g.Count());
            var largest = perSource.Values.DefaultIfEmpty(1).Max();
            var balance = HeadTargets.BalancesSources(metric);
            var rows = labelled
                .Select(t => new RidgeRegression.Row(
                    t.Features,
                    LinearHead.Link(descriptor, HeadTargets.Of(metric, t.Labels)!.Value),
                    balance ? largest / (double)perSource[t.Source] : 1,
                    t.Conversation))
                .ToList();

            if (rows.Count < MinTurns || rows.All(r => r.Y == rows[0].Y))
            {
                continue;
            }

            // Yes/no labels (every target at an end of the range) are fitted with the two classes weighted equally,
            // so the head's threshold sits where balanced accuracy wants it, however rare the harmful replies are.
            var low = LinearHead.Link(descriptor, descriptor.Min);
            var high = LinearHead.Link(descriptor, descriptor.Max);
            if (rows.All(r => r.Y == low || r.Y == high))
            {
                var positives = rows.Where(r => r.Y == high).Sum(r => r.Weight);
                var negatives = rows.Where(r => r.Y != high).Sum(r => r.Weight);
                if (positives > 0 && negatives > 0)
                {
                    var total = positives + negatives;
                    rows = [.. rows.Select(r => r with { Weight = r.Weight * total / (2.0 * (r.Y == high ? positives : negatives)) })];
                }
            }

            var model = RidgeRegression.Fit(rows, lambda, HeadTargets.NgramPenalty(metric), HeadTargets.NamedPenalty(metric));
            var hashed = model.Hashed
                .Select(h => (h.Key, Units: LinearHead.Units(h.Value)))
                .Where(h => h.Units != 0)
                .ToDictionary(h => h.Key, h => checked((int)h.Units));
            heads.Add(new LinearHead(
                metric,
                LinearHead.Units(model.Bias),
                hashed,
                [.. model.Named.Select(LinearHead.Units)],
                spec.Bits,
                new HeadFacts(HeadTargets.Describe(metric), rows.Count, rows.Select(r => r.Conversation).Distinct().Count(), lambda)));
        }

        return heads;
    }
}
