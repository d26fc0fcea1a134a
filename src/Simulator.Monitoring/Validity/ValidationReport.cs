namespace Simulator.Monitoring.Validity;

/// <summary>What <c>monitor validate</c> found: per metric and label, the agreement pooled and within each group.</summary>
/// <param name="Monitor">The monitor validated (its layers).</param>
/// <param name="Split">How the learned heads were kept from the turns they score: <c>none</c> (nothing fitted), <c>5 folds by conversation</c>, <c>leave one model out</c>, ...</param>
/// <param name="Conversations">Conversations read.</param>
/// <param name="Turns">Labelled turns read.</param>
/// <param name="Pairs">The results, one per metric and label.</param>
public sealed record ValidationReport(string Monitor, string Split, int Conversations, int Turns, IReadOnlyList<PairResult> Pairs);

/// <summary>A metric against a label, pooled and per group.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Label">The label it is set against.</param>
/// <param name="Binary">Whether the label is yes/no (then balanced accuracy and AUC) rather than graded (Spearman).</param>
/// <param name="Groups">The pooled result first (<c>all</c>), then one per group (<c>model=...</c>).</param>
public sealed record PairResult(string Metric, string Label, bool Binary, IReadOnlyList<GroupResult> Groups);

/// <summary>The agreement of a metric with a label over one group of conversations.</summary>
/// <param name="Group"><c>all</c>, or <c>&lt;kind&gt;=&lt;value&gt;</c>.</param>
/// <param name="Conversations">Conversations with at least one labelled turn.</param>
/// <param name="Turns">Labelled turns.</param>
/// <param name="Unscored">Labelled turns the metric was not scored on.</param>
/// <param name="UnscoredReason">The commonest reason it was not, if any.</param>
/// <param name="SpearmanTurns">Graded labels: Spearman's rho over the scored turns.</param>
/// <param name="SpearmanConversations">Graded labels: Spearman's rho of the conversations' means (over their scored turns).</param>
/// <param name="BalancedAccuracy">Binary labels: balanced accuracy at the metric's threshold, an unscored turn counted wrong.</param>
/// <param name="Auc">Binary labels: ROC AUC over the scored turns.</param>
public sealed record GroupResult(
    string Group,
    int Conversations,
    int Turns,
    int Unscored,
    string? UnscoredReason,
    Estimate? SpearmanTurns,
    Estimate? SpearmanConversations,
    Estimate? BalancedAccuracy,
    Estimate? Auc);
