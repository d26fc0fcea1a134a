namespace Simulator.Monitoring.Aggregates;

/// <summary>
/// Krippendorff's alpha for a panel of raters: units (turns) each rated by any subset of raters
/// (judges), missing ratings allowed.
/// </summary>
/// <remarks>
/// <para>
/// alpha = 1 − D_o / D_e over the pairable values (those in units with at least two values; n of
/// them): D_o = (1/n) Σ_u 1/(m_u − 1) Σ_{i≠j in u} δ(v_i, v_j) and
/// D_e = 1/(n(n − 1)) Σ_{i≠j over all pairable values} δ(v_i, v_j), as in Krippendorff (2011),
/// "Computing Krippendorff's Alpha-Reliability". Nominal values are compared exactly.
/// </para>
/// <para>
/// <see cref="Value"/> is null when no unit has two values (nothing is pairable), or when the
/// pairable values do not vary (D_e = 0): alpha is then 0/0, undefined, and perfect agreement on a
/// single value is reported as such through <see cref="Reason"/> rather than as 1.
/// </para>
/// </remarks>
/// <param name="Value">Alpha, at most 1 (negative when disagreement is systematic); null when undefined.</param>
/// <param name="PairableValues">n: values in units with at least two values.</param>
/// <param name="PairableUnits">Units with at least two values.</param>
/// <param name="Reason">Why <paramref name="Value"/> is null; null when it is not.</param>
public sealed record KrippendorffAlpha(double? Value, int PairableValues, int PairableUnits, string? Reason)
{
    /// <summary>
    /// Alpha of <paramref name="units"/>: one list per unit of its raters' values, null where a
    /// rater gave none (the lists need not be the same length).
    /// </summary>
    /// <exception cref="ArgumentException">A value is not finite.</exception>
    public static KrippendorffAlpha Of(IReadOnlyList<IReadOnlyList<double?>> units, AlphaLevel level = AlphaLevel.Interval)
    {
        ArgumentNullException.ThrowIfNull(units);
        var pairable = new List<double>();
        var unitStarts = new List<int>();
        foreach (var unit in units)
        {
            var start = pairable.Count;
            foreach (var value in unit)
            {
                if (value is { } v)
                {
                    if (!double.IsFinite(v))
                    {
                        throw new ArgumentException("Ratings must be finite; use null for a missing rating.", nameof(units));
                    }

                    pairable.Add(v);
                }
            }

            if (pairable.Count - start < 2)
            {
                pairable.RemoveRange(start, pairable.Count - start);
            }
            else
            {
                unitStarts.Add(start);
            }
        }

        var n = pairable.Count;
        if (n == 0)
        {
            return new KrippendorffAlpha(null, 0, 0, "no unit has two ratings");
        }

        unitStarts.Add(n);
        var all = pairable.ToArray();
        var ordinal = level == AlphaLevel.Ordinal ? OrdinalScale.Of(all) : null;
        double observed = 0;
        for (var u = 0; u + 1 < unitStarts.Count; u++)
        {
            var unit = all.AsSpan(unitStarts[u], unitStarts[u + 1] - unitStarts[u]);
            observed += PairSum(unit, level, ordinal) / (unit.Length - 1);
        }

        observed /= n;
        var expected = ExpectedPairSum(all, level, ordinal) / ((double)n * (n - 1));
        if (expected <= 0)
        {
            return new KrippendorffAlpha(null, n, unitStarts.Count - 1, "no variation: every rating is the same");
        }

        return new KrippendorffAlpha(1 - (observed / expected), n, unitStarts.Count - 1, null);
    }

    /// <summary>
    /// Σ δ(v_i, v_j) over ordered pairs of all pairable values: from the value frequencies, so it
    /// costs O(distinct values²) rather than O(n²).
    /// </summary>
    private static double ExpectedPairSum(double[] all, AlphaLevel level, OrdinalScale? ordinal)
    {
        if (level == AlphaLevel.Interval)
        {
            return PairSum(all, level, ordinal);
        }

        var scale = ordinal ?? OrdinalScale.Of(all);
        return level == AlphaLevel.Nominal ? scale.NominalPairSum() : scale.FrequencyPairSum();
    }

    /// <summary>Σ δ(v_i, v_j) over ordered pairs i ≠ j of <paramref name="values"/>.</summary>
    private static double PairSum(ReadOnlySpan<double> values, AlphaLevel level, OrdinalScale? ordinal)
    {
        switch (level)
        {
            case AlphaLevel.Interval:
            {
                // Σ_{i≠j} (v_i − v_j)² = 2m Σ (v − mean)².
                double mean = 0;
                foreach (var v in values)
                {
                    mean += v;
                }

                mean /= values.Length;
                double squares = 0;
                foreach (var v in values)
                {
                    squares += (v - mean) * (v - mean);
                }

                return 2 * values.Length * squares;
            }

            case AlphaLevel.Nominal:
            {
                double different = 0;
                for (var i = 0; i < values.Length; i++)
                {
                    for (var j = i + 1; j < values.Length; j++)
                    {
                        if (values[i] != values[j])
                        {
                            different += 2;
                        }
                    }
                }

                return different;
            }

            case AlphaLevel.Ordinal:
            {
                return ordinal!.PairSum(values);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown level of measurement.");
        }
    }

    /// <summary>The distinct values with their cumulative frequencies, for the ordinal difference function.</summary>
    private sealed class OrdinalScale
    {
        private readonly double[] _values;
        private readonly double[] _counts;
        private readonly double[] _cumulative;

        private OrdinalScale(double[] values, double[] counts)
        {
            _values = values;
            _counts = counts;
            _cumulative = new double[counts.Length];
            double running = 0;
            for (var i = 0; i < counts.Length; i++)
            {
                running += counts[i];
                _cumulative[i] = running;
            }
        }

        public static OrdinalScale Of(double[] all)
        {
            var sorted = (double[])all.Clone();
            Array.Sort(sorted);
            var values = new List<double>();
            var counts = new List<double>();
            foreach (var v in sorted)
            {
                if (values.Count > 0 && values[^1] == v)
                {
                    counts[^1]++;
                }
                else
                {
                    values.Add(v);
                    counts.Add(1);
                }
            }

            return new OrdinalScale([.. values], [.. counts]);
        }

        /// <summary>n² − Σ n_c²: the ordered pairs of different values.</summary>
        public double NominalPairSum()
        {
            var n = _cumulative[^1];
            double same = 0;
            foreach (var c in _counts)
            {
                same += c * c;
            }

            return (n * n) - same;
        }

        /// <summary>Σ_{c≠k} n_c n_k δ(c, k) with the ordinal δ.</summary>
        public double FrequencyPairSum()
        {
            double sum = 0;
            for (var a = 0; a < _counts.Length; a++)
            {
                for (var b = a + 1; b < _counts.Length; b++)
                {
                    sum += 2 * _counts[a] * _counts[b] * Delta(a, b);
                }
            }

            return sum;
        }

        public double PairSum(ReadOnlySpan<double> values)
        {
            double sum = 0;
            for (var i = 0; i < values.Length; i++)
            {
                var a = Array.BinarySearch(_values, values[i]);
                for (var j = i + 1; j < values.Length; j++)
                {
                    sum += 2 * Delta(a, Array.BinarySearch(_values, values[j]));
                }
            }

            return sum;
        }

        private double Delta(int a, int b)
        {
            if (a == b)
            {
                return 0;
            }

            var (lo, hi) = a < b ? (a, b) : (b, a);
            var between = _cumulative[hi] - (lo > 0 ? _cumulative[lo - 1] : 0) - ((_counts[lo] + _counts[hi]) / 2);
            return between * between;
        }
    }
}
