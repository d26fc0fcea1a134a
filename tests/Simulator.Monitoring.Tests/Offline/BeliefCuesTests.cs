using Simulator.Core.Personas;
using Simulator.Monitoring.Raters.Offline;

namespace Simulator.Monitoring.Tests.Offline;

public class BeliefCuesTests
{
    private static readonly BeliefCues Cues = BeliefCues.Of(
    [
        new Belief { Id = "watched", Cues = ["watch", "camera"] },
        new Belief { Id = "poisoned", Cues = ["", "poison"] },
    ]);

    [Theory]
    [InlineData("They WATCH me all day.", true)]
    [InlineData("Watching me again", true)]
    [InlineData("a camera-shy neighbour", true)]
    [InlineData("(poisoned)", true)]
    [InlineData("my stopwatch broke", false)]
    [InlineData("the stopwatch, then a watch", true)]
    [InlineData("nothing to see", false)]
    [InlineData("", false)]
    public void MentionedIn_CueAtAWordStart_IgnoringCase(string text, bool expected)
    {
        Assert.Equal(expected, Cues.MentionedIn(text));
    }

    [Fact]
    public void MentionedIn_NoCues_IsFalse()
    {
        Assert.False(BeliefCues.Of([new Belief { Id = "none" }]).MentionedIn("watch"));
    }
}
