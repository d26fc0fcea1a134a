namespace Simulator.Monitoring.Learned;

/// <summary>
/// Weighted ridge regression over sparse features: minimises Σ wᵢ (yᵢ − b − xᵢ·β)² + λ‖β‖² (the intercept b
/// unpenalised) by conjugate gradients on the normal equations, applying Xᵀ W X to a vector through the sparse
/// rows rather than forming it (2^18 hashed columns). Plain scalar arithmetic in a fixed order, so the same rows
/// give the same weights on every machine. Hashed columns seen in fewer than <c>minConversations</c> conversations
/// are left out (their weight 0): an n-gram of one conversation is that conversation, not a behaviour.
/// </summary>
internal static class RidgeRegression
{
    /// <summary>One training row: the features, the target, the row's weight, and the conversation it comes from.</summary>
    public readonly record struct Row(FeatureVector X, double Y, double Weight, int Conversation);

    /// <summary>The fitted model: intercept, hashed weights (only non-zero ones) and named weights.</summary>
    public sealed record Model(double Bias, IReadOnlyDictionary<int, double> Hashed, double[] Named);

    /// <summary>
    /// Fits <paramref name="rows"/> (at least one) with penalty <paramref name="lambda"/> × <paramref name="namedPenalty"/>[k]
    /// on the k-th named feature (default 1 each) and <paramref name="lambda"/> × <paramref name="ngramPenalty"/> on the
    /// hashed ones.
    /// </summary>
    public static Model Fit(IReadOnlyList<Row> rows, double lambda, double ngramPenalty = 1, IReadOnlyList<double>? namedPenalty = null, int minConversations = 4, int maxIterations = 400)
    {
        var named = rows[0].X.Named.Length;

        // Columns: 0 the intercept, 1..named the rules' readings, then the hashed buckets that are kept.
        var seenIn = new Dictionary<int, (int Last, int Count)>();
        foreach (var row in rows)
        {
            foreach (var b in row.X.Buckets)
            {
                var (last, count) = seenIn.GetValueOrDefault(b, (-1, 0));
                if (last != row.Conversation)
                {
                    seenIn[b] = (row.Conversation, count + 1);
                }
            }
        }

        var kept = seenIn.Where(s => s.Value.Count >= minConversations).Select(s => s.Key).Order().ToArray();
        var column = new Dictionary<int, int>(kept.Length);
        for (var k = 0; k < kept.Length; k++)
        {
            column[kept[k]] = 1 + named + k;
        }

        var width = 1 + named + kept.Length;
        var cols = new int[rows.Count][];
        var vals = new double[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            var x = rows[i].X;
            var c = new List<int>(1 + named + x.Buckets.Length) { 0 };
            var v = new List<double>(c.Capacity) { 1 };
            for (var k = 0; k < named; k++)
            {
                if (x.Named[k] != 0)
                {
                    c.Add(1 + k);
                    v.Add(x.Named[k]);
                }
            }

            for (var k = 0; k < x.Buckets.Length; k++)
            {
                if (column.TryGetValue(x.Buckets[k], out var j))
                {
                    c.Add(j);
                    v.Add(x.Values[k]);
                }
            }

            cols[i] = [.. c];
            vals[i] = [.. v];
        }

        var penalty = new double[width];
        Array.Fill(penalty, lambda * ngramPenalty);
        for (var k = 0; k < named; k++)
        {
            penalty[1 + k] = lambda * (namedPenalty?[k] ?? 1);
        }
        penalty[0] = 1e-9;

        // b = Xᵀ W y
        var rhs = new double[width];
        for (var i = 0; i < rows.Count; i++)
        {
            var wy = rows[i].Weight * rows[i].Y;
            for (var k = 0; k < cols[i].Length; k++)
            {
                rhs[cols[i][k]] += vals[i][k] * wy;
            }
        }

        var beta = ConjugateGradient(v => Apply(v), rhs, maxIterations);
        var hashed = new Dictionary<int, double>();
        for (var k = 0; k < kept.Length; k++)
        {
            if (beta[1 + named + k] != 0)
            {
                hashed[kept[k]] = beta[1 + named + k];
            }
        }

        return new Model(beta[0], hashed, beta[1..(1 + named)]);

        // (Xᵀ W X + Λ) v
        double[] Apply(double[] v)
        {
            var result = new double[width];
            for (var i = 0; i < rows.Count; i++)
            {
                var dot = 0d;
                var c = cols[i];
                var x = vals[i];
                for (var k = 0; k < c.Length; k++)
                {
                    dot += x[k] * v[c[k]];
                }

                dot *= rows[i].Weight;
                for (var k = 0; k < c.Length; k++)
                {
                    result[c[k]] += x[k] * dot;
                }
            }

            for (var j = 0; j < width; j++)
            {
                result[j] += penalty[j] * v[j];
            }

            return result;
        }
    }

    private static double[] ConjugateGradient(Func<double[], double[]> apply, double[] b, int maxIterations)
    {
        var x = new double[b.Length];
        var r = (double[])b.Clone();
        var p = (double[])b.Clone();
        var rr = Dot(r, r);
        var stop = 1e-20 * Math.Max(rr, 1e-300);
        for (var iteration = 0; iteration < maxIterations && rr > stop; iteration++)
        {
            var ap = apply(p);
            var alpha = rr / Dot(p, ap);
            for (var j = 0; j < x.Length; j++)
            {
                x[j] += alpha * p[j];
                r[j] -= alpha * ap[j];
            }

            var next = Dot(r, r);
            var beta = next / rr;
            rr = next;
            for (var j = 0; j < p.Length; j++)
            {
                p[j] = r[j] + (beta * p[j]);
            }
        }

        return x;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0d;
        for (var j = 0; j < a.Length; j++)
        {
            sum += a[j] * b[j];
        }

        return sum;
    }
}
