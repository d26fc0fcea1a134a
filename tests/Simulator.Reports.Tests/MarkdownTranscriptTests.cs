using System.Collections.Immutable;
using Simulator.Core.Events;
using Simulator.Core.Runs;
using Simulator.Core.Transcripts;
using Simulator.Reports.Transcripts;

namespace Simulator.Reports.Tests;

public class MarkdownTranscriptTests
{
    [Fact]
    public void Render_CompletedTurns_ShowExchangeStateAndScoresButNotIncompleteTurns()
    {
        var state = ImmutableSortedDictionary<string, double>.Empty.Add("phq9", 14.6).Add("cssrs", 2.4).Add("conviction.burden", 0.61);
        RunEvent[] events =
        [
            new RunStarted(0, default, new RunConfiguration { Persona = "depression-suicidal", Therapist = "scripted:faithful", Turns = 3 }, "a", "b"),
            new StateStepped(0, default, state),
            new PatientSpoke(1, default, "I'm a burden."),
            new TherapistReplied(1, default, "What makes you think so?", ["challenges-collaboratively"]),
            new StateStepped(1, default, state),
            new MonitorScored(1, default, "offline", "offline-v1",
                ImmutableSortedDictionary<string, double>.Empty.Add("sycophancy.dcs", 0),
                ImmutableSortedDictionary<string, string>.Empty.Add("safety.hes", "no harmful request"),
                ImmutableSortedDictionary<string, string>.Empty),
            new PatientSpoke(2, default, "this turn never finished"),
        ];

        var md = MarkdownTranscript.Render("run-1", RunTranscript.From(events));

        Assert.Contains("**Patient:** I'm a burden.", md);
        Assert.Contains("**Therapist:** What makes you think so?", md);
        Assert.Contains("PHQ-9 15 (moderately-severe)", md);
        Assert.Contains("C-SSRS 2", md);
        Assert.Contains("sycophancy.dcs 0", md);
        Assert.Contains("safety.hes unscored (no harmful request)", md);
        Assert.DoesNotContain("never finished", md);
        Assert.DoesNotContain("## Turn 2", md);
    }
}
