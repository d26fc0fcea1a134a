using System.Globalization;
using System.Text;
using Simulator.Core.Events;
using Simulator.Core.Runs;
using Simulator.Core.Transcripts;
using Simulator.Core.Validation;
using Simulator.FakeModelServer;
using Simulator.Monitoring;
using Simulator.Monitoring.Aggregates;
using Simulator.Storage.Catalogs;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;
using Simulator.Tests.Shared;

namespace Simulator.Engine.Tests;

/// <summary>A panel of three LLM judges on a loopback server that returns good, malformed and refusing verdicts (issue 5).</summary>
public class LoopbackJudgeTests
{
    private static readonly IReadOnlyList<string> RubricMetrics =
        [.. new RubricCatalog([RepoPaths.Rubrics]).Get("judge").Document.Metrics.Select(m => m.Name)];

    /// <summary>A well-formed verdict: each judge a little apart, dcs by turn parity, no flagged belief for observed.conviction.</summary>
    private static string Verdict(string model, int turn)
    {
        var offset = model switch { "judge-a" => 0.0, "judge-b" => 0.1, _ => 0.2 };
        var sb = new StringBuilder("{\"scores\": {");
        sb.AppendJoin(", ", RubricMetrics.Select(m => m switch
        {
            Metrics.ObservedConviction => $"\"{m}\": {{\"value\": null, \"evidence\": \"\", \"reason\": \"no flagged belief in play\"}}",
            Metrics.Dcs => $"\"{m}\": {{\"value\": {turn % 2 * 2}, \"evidence\": \"turn {turn} words\", \"reason\": \"\"}}",
            Metrics.ObservedPhq9 or Metrics.ObservedCssrs => $"\"{m}\": {{\"value\": {turn % 3}, \"evidence\": \"\", \"reason\": \"\"}}",
            Metrics.PremiseAccepted or Metrics.Hes or Metrics.Sis or Metrics.CrisisMissed or Metrics.CrisisOverreach => $"\"{m}\": {{\"value\": {turn % 2}, \"evidence\": \"\", \"reason\": \"\"}}",
            _ => string.Create(CultureInfo.InvariantCulture, $"\"{m}\": {{\"value\": {Math.Min(1, (turn % 4 * 0.25) + offset):0.##}, \"evidence\": \"span {m}\", \"reason\": \"\"}}"),
        }));
        return sb.Append("}}").ToString();
    }

    private static int TurnOf(ReceivedRequest r)
    {
        var text = r.Messages[^1].Content;
        var at = text.IndexOf("(turn ", StringComparison.Ordinal) + "(turn ".Length;
        return int.Parse(text[at..text.IndexOf(')', at)], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task PanelOfThree_MalformedAndRefusedVerdictsBecomeUnscoredWithTheReason_MedianAndAlphaFromTheRest()
    {
        await using var server = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions
        {
            // judge-b always answers turn 2 with JSON that misses the schema; judge-c refuses turn 3.
            Reply = r => r.ResponseFormatType != "json_schema"
                ? "Tell me more about that."
                : r.Model == "judge-b" && TurnOf(r) == 2 ? """{"scores": {"sycophancy.dcs": {"value": "high"}}}""" : Verdict(r.Model!, TurnOf(r)),
            FaultFor = r => r.Model == "judge-c" && r.ResponseFormatType == "json_schema" && TurnOf(r) == 3 ? FaultKind.Refusal : FaultKind.None,
        });
        using var engine = new EngineFixture(
            settings: new Dictionary<string, string?> { ["Models:Endpoints:local:BaseUrl"] = server.BaseUrl.ToString(), ["Models:Endpoints:local:MaxAttempts"] = "2" },
            clock: TimeProvider.System);

        var result = await engine.Runs.RunAsync(
            new RunConfiguration { Persona = "persecutory-delusion", Therapist = "endpoint:local/therapist", Turns = 6, Seed = 4, Monitor = "judge:endpoint:local/judge-a,endpoint:local/judge-b,endpoint:local/judge-c" },
            null,
            CancellationToken.None);

        Assert.Equal((6, RunStatus.Completed), (result.Turns, result.Status));
        var events = EventLogReader.Read(Path.Combine(result.Path, "events.msgpack")).Events;
        var layers = events.OfType<MonitorScored>().ToList();
        Assert.All(Enumerable.Range(1, 6), t => Assert.Equal(["offline", "learned", "judge.1", "judge.2", "judge.3", "panel"], layers.Where(l => l.Turn == t).Select(l => l.Rater)));
        Assert.All(layers.Where(l => l.Rater.StartsWith("judge", StringComparison.Ordinal) || l.Rater == "panel"), l => Assert.Equal("judge-v1", l.RubricVersion));

        // Good verdicts: values and evidence spans; "does not apply" is unscored with the judge's reason, never 0.
        var good = layers.Single(l => l.Turn == 1 && l.Rater == "judge.1");
        Assert.Equal(2, good.Metrics[Metrics.Dcs]);
        Assert.Equal("turn 1 words", good.Evidence[Metrics.Dcs]);
        Assert.Equal("judge: no flagged belief in play", good.Unscored[Metrics.ObservedConviction]);

        // Malformed (after its retry) and refused verdicts: every metric unscored, with the failure as the reason.
        var malformed = layers.Single(l => l.Turn == 2 && l.Rater == "judge.2");
        Assert.Empty(malformed.Metrics);
        Assert.All(RubricMetrics, m => Assert.Contains("does not fit its schema", malformed.Unscored[m]));
        var refused = layers.Single(l => l.Turn == 3 && l.Rater == "judge.3");
        Assert.Empty(refused.Metrics);
        Assert.All(RubricMetrics, m => Assert.Contains("refused", refused.Unscored[m]));
        var judgeCalls = events.OfType<ModelCalled>().Where(c => c.Role.StartsWith("judge.", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, judgeCalls.Count(c => c.Role == "judge.2" && c.Turn == 2));   // retried once, then given up
        Assert.All(judgeCalls, c => Assert.Equal(1, c.Lane));

        // The panel: the median of the judges that scored.
        var panel2 = layers.Single(l => l.Turn == 2 && l.Rater == "panel");
        Assert.Equal(0.6, panel2.Metrics[Metrics.Inappropriate], 6);      // judge-a 0.5, judge-c 0.7: the median of two is their mean
        Assert.StartsWith("judge: no flagged belief in play; the judge.2 model endpoint:local/judge-b failed", panel2.Unscored[Metrics.ObservedConviction]);

        // Agreement: alpha per metric over the six turns; judges that always agree on dcs give alpha 1.
        var alphas = PanelAgreement.Of(RunTranscript.From(events));
        Assert.Equal(1, alphas[Metrics.Dcs].Value);
        Assert.InRange(alphas[Metrics.Inappropriate].Value!.Value, 0.5, 0.99);
        Assert.DoesNotContain(Metrics.ObservedConviction, alphas.Keys);
    }

    [Theory]
    [InlineData("judge:scripted:faithful", "cannot judge")]
    [InlineData("judge:", "is not a monitor")]
    [InlineData("llm", "is not a monitor")]
    [InlineData("judge:endpoint:nowhere/m", "not configured")]
    public async Task BadMonitor_IsInvalidInputNamingTheField(string monitor, string message)
    {
        using var engine = new EngineFixture();

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => engine.Runs.RunAsync(
            new RunConfiguration { Persona = "persecutory-delusion", Therapist = "scripted:faithful", Turns = 2, Monitor = monitor }, null, CancellationToken.None));

        Assert.Equal("--monitor", ex.Field);
        Assert.Contains(message, ex.Message);
    }

    [Theory]
    [InlineData("metrics:\n  - name: sycophancy.warmth\n    question: q\n", "metrics[0].name", "unknown metric 'sycophancy.warmth'")]
    [InlineData("metrics:\n  - name: stigma\n    question: q\n    min: 1\n    max: 0\n", "metrics[0].max", "out of range")]
    [InlineData("metrics: []\n", "metrics", "needs at least one metric")]
    public async Task BadRubric_IsInvalidInputNamingFileAndField(string metrics, string field, string message)
    {
        var folder = RepoPaths.TempFolder("rubric");
        var file = Path.Combine(folder, "my-rubric.yaml");
        await File.WriteAllTextAsync(file, "id: my-rubric\nversion: 1\ninstructions: rate it\n" + metrics);
        using var engine = new EngineFixture(settings: new Dictionary<string, string?>
        {
            ["Simulator:JudgeRubric"] = file,
            ["Models:Endpoints:local:BaseUrl"] = "http://127.0.0.1:9/v1",
        });

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => engine.Runs.RunAsync(
            new RunConfiguration { Persona = "persecutory-delusion", Therapist = "scripted:faithful", Turns = 2, Monitor = "judge:endpoint:local/j" }, null, CancellationToken.None));

        Assert.Equal((Path.GetFullPath(file), field), (ex.File, ex.Field));
        Assert.Contains(message, ex.Message);
        Assert.Empty(Directory.EnumerateDirectories(engine.RunsRoot));
    }

    [Fact]
    public async Task CancelledRun_DoesNotWaitForSlowJudges()
    {
        await using var server = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions { Latency = TimeSpan.FromSeconds(20) });
        using var engine = new EngineFixture(settings: new Dictionary<string, string?> { ["Models:Endpoints:local:BaseUrl"] = server.BaseUrl.ToString() }, clock: TimeProvider.System);
        using var cts = new CancellationTokenSource();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        // The scripted session never yields, so it runs on a thread of its own.
        var running = Task.Run(() => engine.Runs.RunAsync(
            new RunConfiguration { Persona = "persecutory-delusion", Therapist = "scripted:faithful", Turns = 20_000, Seed = 1, Monitor = "judge:endpoint:local/slow-judge" },
            null,
            cts.Token));
        while (server.RequestCount == 0)
        {
            await Task.Delay(20);
        }

        await cts.CancelAsync();
        var result = await running;

        Assert.Equal(RunStatus.Cancelled, result.Status);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
        var events = EventLogReader.Read(Path.Combine(result.Path, "events.msgpack")).Events;
        Assert.DoesNotContain(events.OfType<MonitorScored>(), m => m.Rater == "judge.1");      // the judge never answered
        Assert.Equal(RunEnded.Reasons.Cancelled, events.OfType<RunEnded>().Single().Reason);
    }
}
