using MathNet.Numerics.Statistics;

namespace Simulator.Monitoring.Validity;

/// <summary>The agreement statistics of <c>monitor validate</c>: Spearman's rho, balanced accuracy and ROC AUC.</summary>
public static class AgreementStatistics
{
    /// <summary>Spearman's rank correlation (ties averaged); null with fewer than three pairs or no variance on a side.</summary>
    public static double? Spearman(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count < 3 || a.Distinct().Count() < 2 || b.Distinct().Count() < 2)
        {
            return null;
        }

        var rho = Correlation.Spearman(a, b);
        return double.IsFinite(rho) ? rho : null;
    }

    /// <summary>
    /// Balanced accuracy of predictions against binary labels: the mean of the true-positive and true-negative
    /// rates; a prediction of null (unscored) counts as wrong. Null when a class is missing.
    /// </summary>
    public static double? BalancedAccuracy(IReadOnlyList<bool?> predicted, IReadOnlyList<bool> actual)
    {
        int tp = 0, fn = 0, tn = 0, fp = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            var p = predicted[i] ?? !actual[i];
            if (actual[i])
            {
                (tp, fn) = p ? (tp + 1, fn) : (tp, fn + 1);
            }
            else
            {
                (tn, fp) = p ? (tn, fp + 1) : (tn + 1, fp);
            }
        }

        return tp + fn == 0 || tn + fp == 0 ? null : ((tp / (double)(tp + fn)) + (tn / (double)(tn + fp))) / 2;
    }

    /// <summary>The area under the ROC curve of scores against binary labels (the Mann-Whitney statistic, ties counting half); null when a class is missing.</summary>
    public static double? Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> actual)
    {
        var positives = actual.Count(a => a);
        var negatives = actual.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        var ranks = Ranks(scores);
        var sum = 0d;
        for (var i = 0; i < actual.Count; i++)
        {
            sum += actual[i] ? ranks[i] : 0;
        }

        return (sum - (positives * (positives + 1) / 2d)) / ((double)positives * negatives);
    }

    // 1-based ranks, ties averaged.
    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]])
            {
                j++;
            }

            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = ((i + j) / 2d) + 1;
            }

            i = j + 1;
        }

        return ranks;
    }
}
