namespace Simulator.Monitoring.Learned;

/// <summary>
/// One fitted head: a linear model of one metric over a turn's features, in logit space: it is fitted to
/// <see cref="Link"/>(label), the label moved into (0, 1) with a margin and log-odds taken, and its output is
/// mapped back into the metric's range (<see cref="Predict"/>). So it never leaves the range, and a reply it
/// finds less likely than any other still ranks below them instead of sharing a clamped floor. Rounded to three
/// decimals, so the same turn gives the same bytes on every machine. Weights are fixed-point integers
/// (<see cref="Scale"/> per unit), as the heads file stores them.
/// </summary>
internal sealed class LinearHead
{
    /// <summary>Fixed-point units per 1 of a weight.</summary>
    public const int Scale = 1 << 12;

    private readonly float[] _hashed;
    private readonly double[] _named;

    /// <summary>A head from fixed-point weights: hashed buckets (absent ones 0) and the named features' (aligned with <see cref="RuleFeatures.Names"/>).</summary>
    public LinearHead(string metric, long bias, IReadOnlyDictionary<int, int> hashed, IReadOnlyList<long> named, int bits, HeadFacts facts)
    {
        Metric = metric;
        Descriptor = Metrics.Descriptor(metric);
        BiasUnits = bias;
        HashedUnits = hashed;
        NamedUnits = named;
        Bits = bits;
        Facts = facts;
        _hashed = new float[1 << bits];
        foreach (var (bucket, q) in hashed)
        {
            _hashed[bucket] = q;
        }

        _named = [.. named.Select(q => (double)q)];
    }

    /// <summary>The metric it scores.</summary>
    public string Metric { get; }

    /// <summary>The metric's descriptor (range, threshold).</summary>
    public MetricDescriptor Descriptor { get; }

    /// <summary>The intercept, in fixed-point units.</summary>
    public long BiasUnits { get; }

    /// <summary>The hashed weights that are not zero, in fixed-point units.</summary>
    public IReadOnlyDictionary<int, int> HashedUnits { get; }

    /// <summary>The named features' weights, in fixed-point units.</summary>
    public IReadOnlyList<long> NamedUnits { get; }

    /// <summary>log2 of the hash buckets the head was fitted on.</summary>
    public int Bits { get; }

    /// <summary>What it was fitted on.</summary>
    public HeadFacts Facts { get; }

    /// <summary>The head's value on <paramref name="x"/>: within the metric's range, three decimals.</summary>
    public double Predict(FeatureVector x) => Math.Round(Inverse(Descriptor, Raw(x)), 3, MidpointRounding.AwayFromZero);

    /// <summary>The log-odds a label of <paramref name="metric"/> is fitted as: the range with a margin of 5 % at each end, mapped onto (0, 1).</summary>
    public static double Link(MetricDescriptor metric, double label)
    {
        var (low, width) = Margins(metric);
        var p = (metric.Clamp(label) - low) / width;
        return Math.Log(p / (1 - p));
    }

    /// <summary>The metric's value for log-odds <paramref name="raw"/>, the inverse of <see cref="Link"/>, clamped to the range.</summary>
    public static double Inverse(MetricDescriptor metric, double raw) => metric.Clamp(Margins(metric).Low + (Margins(metric).Width / (1 + Math.Exp(-raw))));

    private static (double Low, double Width) Margins(MetricDescriptor metric)
    {
        var margin = 0.05 * (metric.Max - metric.Min);
        return (metric.Min - margin, metric.Max - metric.Min + (2 * margin));
    }

    /// <summary>The linear value (log-odds).</summary>
    public double Raw(FeatureVector x)
    {
        // Summed in fixed-point units in a fixed order, then scaled once: the same doubles on every machine.
        var sum = (double)BiasUnits;
        for (var k = 0; k < x.Buckets.Length; k++)
        {
            sum += _hashed[x.Buckets[k]] * x.Values[k];
        }

        for (var k = 0; k < _named.Length; k++)
        {
            sum += _named[k] * x.Named[k];
        }

        return sum / Scale;
    }

    /// <summary>A weight in fixed-point units.</summary>
    public static long Units(double weight) => (long)Math.Round(weight * Scale, MidpointRounding.AwayFromZero);
}

/// <summary>What a head was fitted on: the labels it learned, how many turns and conversations, and the ridge penalty.</summary>
internal sealed record HeadFacts(string Target, int Turns, int Conversations, double Lambda);
