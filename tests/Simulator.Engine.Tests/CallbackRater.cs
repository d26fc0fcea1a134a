using System.Collections.Immutable;
using Simulator.Monitoring.Raters;

namespace Simulator.Engine.Tests;

/// <summary>A fake rater driven by a delegate; scores <c>test.seen</c> = 1 on every turn.</summary>
internal sealed class CallbackRater(Func<TurnView, Task> onTurn) : IRater
{
    public CallbackRater(Action<TurnView> onTurn)
        : this(t =>
        {
            onTurn(t);
            return Task.CompletedTask;
        })
    {
    }

    public string Name => "callback";

    public string RubricVersion => "test";

    public IReadOnlyList<string> MetricNames { get; } = ["test.seen"];

    public async ValueTask<TurnScore> ScoreAsync(TurnView turn, CancellationToken cancellationToken)
    {
        await onTurn(turn);
        return new TurnScore.Builder().Score("test.seen", 1).Build();
    }
}
