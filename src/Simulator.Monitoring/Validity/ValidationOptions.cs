namespace Simulator.Monitoring.Validity;

/// <summary>How <c>monitor validate</c> splits and reports.</summary>
public sealed record ValidationOptions
{
    /// <summary>Folds of the cross-validation by conversation when no group is left out (default 5).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>A group kind (<c>model</c>, <c>stimulus</c>, <c>condition</c>, <c>category</c>) whose every value is held out in turn; null: folds by conversation.</summary>
    public string? LeaveOneOut { get; init; }

    /// <summary>Group kinds to report within, besides the pooled result (default: the left-out kind, else <c>model</c>).</summary>
    public IReadOnlyList<string> By { get; init; } = [];

    /// <summary>Whether the learned heads are fitted afresh on each split's training conversations (the learned layer validated, no heads file given).</summary>
    public bool Refit { get; init; }

    /// <summary>Labelled conversations the heads also learn from in every split, never scored (the shipped training data beside a judged sample).</summary>
    public IReadOnlyList<Core.Labels.LabelledConversation> FitAlso { get; init; } = [];

    /// <summary>The ridge penalty the heads are fitted with when <see cref="Refit"/>.</summary>
    public double Lambda { get; init; } = Learned.HeadSet.DefaultLambda;

    /// <summary>How many turns are scored at once (judges are slow; the offline layers do not care).</summary>
    public int Concurrency { get; init; } = 4;
}
