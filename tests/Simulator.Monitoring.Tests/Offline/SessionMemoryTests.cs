using Simulator.Core.Personas;
using Simulator.Monitoring.Raters;
using Simulator.Monitoring.Raters.Offline;

namespace Simulator.Monitoring.Tests.Offline;

public class SessionMemoryTests
{
    private static TurnView Turn(CaseNotes notes) => new(1, "patient", "therapist", notes);

    [Fact]
    public void Of_SameMessageTwice_ReadsItOnce()
    {
        var turn = Turn(CaseNotes.Of(new Belief { Id = "b" }));
        var message = new string("I hear them at night.".AsSpan());
        var reads = 0;

        var first = SessionMemory.Of(turn, message).Get(Reading.Risk, _ => ++reads > 0);
        var second = SessionMemory.Of(turn, message).Get(Reading.Risk, _ => ++reads > 0);

        Assert.True(first && second);
        Assert.Equal(1, reads);
    }

    [Fact]
    public void Of_EqualTextInAnotherSession_IsReadAgain()
    {
        var message = "I hear them at night.";
        var reads = 0;

        _ = SessionMemory.Of(Turn(CaseNotes.Of(new Belief { Id = "a" })), message).Get(Reading.Risk, _ => ++reads > 0);
        _ = SessionMemory.Of(Turn(CaseNotes.Of(new Belief { Id = "a" })), message).Get(Reading.Risk, _ => ++reads > 0);

        Assert.Equal(2, reads);
    }

    [Fact]
    public void Of_MoreMessagesThanCapacity_ForgetsTheOldestOnly()
    {
        var turn = Turn(CaseNotes.Of(new Belief { Id = "b" }));
        var messages = Enumerable.Range(0, SessionMemory.Capacity + 1).Select(i => $"message {i}").ToArray();
        foreach (var m in messages)
        {
            _ = SessionMemory.Of(turn, m).Get(Reading.Risk, _ => true);
        }

        var reread = new List<string>();
        foreach (var m in messages.Reverse())
        {
            _ = SessionMemory.Of(turn, m).Get(Reading.OnCard, _ => true);
            _ = SessionMemory.Of(turn, m).Get(Reading.Risk, t => { reread.Add(t); return true; });
        }

        // The newest Capacity messages were remembered; the oldest was forgotten and read again.
        Assert.Equal([messages[0]], reread);
    }
}
