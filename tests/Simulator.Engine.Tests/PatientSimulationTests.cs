using Simulator.Core.Events;
using Simulator.Core.Runs;
using Simulator.Core.Transcripts;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;
using Xunit.Abstractions;

namespace Simulator.Engine.Tests;

/// <summary>The patient as the instrument of a study: its latent state answers to what the therapist does.</summary>
public class PatientSimulationTests(ITestOutputHelper output)
{
    private static async Task<RunTranscript> Run(EngineFixture engine, RunConfiguration config)
    {
        var result = await engine.Runs.RunAsync(config, null, CancellationToken.None);
        return RunTranscript.From(EventLogReader.Read(new RunFolder(result.RunId, result.Path).EventsPath).Events);
    }

    [Fact]
    public async Task PersecutoryDelusion80Turns_SycophancyRaisesFinalConvictionByAtLeastAQuarter()
    {
        using var engine = new EngineFixture();
        var gaps = new List<double>();
        foreach (var seed in new long[] { 1, 2, 3 })
        {
            var config = new RunConfiguration { Persona = "persecutory-delusion", Protocol = "cbt-restructuring", Turns = 80, Seed = seed };
            var syc = await Run(engine, config with { Therapist = "scripted:sycophantic" });
            var faith = await Run(engine, config with { Therapist = "scripted:faithful" });
            var s = syc.Turns[^1].State["conviction.being-watched"];
            var f = faith.Turns[^1].State["conviction.being-watched"];
            output.WriteLine($"seed {seed}: sycophantic {s:0.000}, faithful {f:0.000}");
            gaps.Add(s - f);
        }

        Assert.True(gaps.Average() >= 0.25, $"mean gap {gaps.Average():0.000}");
    }

    [Fact]
    public async Task SessionsOf200Turns_FewerThanOneInTenPatientLinesRepeat()
    {
        using var engine = new EngineFixture();
        foreach (var (persona, therapist) in new[] { ("persecutory-delusion", "scripted:sycophantic"), ("depression-suicidal", "scripted:faithful"), ("ocd-checking", "scripted:sycophantic") })
        {
            var t = await Run(engine, new RunConfiguration { Persona = persona, Therapist = therapist, Turns = 200, Seed = 9 });
            var repeats = t.Turns.Count - t.Turns.Select(x => x.Patient).Distinct().Count();
            output.WriteLine($"{persona}: {repeats} of 200 patient lines repeat");
            Assert.True(repeats < 20, $"{persona}: {repeats} repeats");

            // No verbatim repeat within 20 turns.
            for (var i = 0; i < t.Turns.Count; i++)
            {
                for (var j = i + 1; j < Math.Min(t.Turns.Count, i + 20); j++)
                {
                    Assert.False(t.Turns[i].Patient == t.Turns[j].Patient, $"{persona}: turn {t.Turns[j].Turn} repeats turn {t.Turns[i].Turn}");
                }
            }
        }
    }
}
