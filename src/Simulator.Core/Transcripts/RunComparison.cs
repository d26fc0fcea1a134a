namespace Simulator.Core.Transcripts;

/// <summary>
/// Two runs side by side: the first turn at which they differ (a message, the latent state, or one
/// run ending), or null when every turn is the same.
/// </summary>
public sealed record RunComparison(RunTranscript A, RunTranscript B, int? FirstDivergentTurn)
{
    /// <summary>Compares <paramref name="a"/> with <paramref name="b"/>.</summary>
    public static RunComparison Of(RunTranscript a, RunTranscript b)
    {
        var turns = Math.Max(a.Turns.Count, b.Turns.Count);
        for (var i = 0; i < turns; i++)
        {
            if (i >= a.Turns.Count || i >= b.Turns.Count || !Same(a.Turns[i], b.Turns[i]))
            {
                return new RunComparison(a, b, i + 1);
            }
        }

        return new RunComparison(a, b, null);
    }

    private static bool Same(TurnRecord x, TurnRecord y) =>
        x.Patient == y.Patient && x.Therapist == y.Therapist && x.State.SequenceEqual(y.State);
}
