using Simulator.Core.Events;
using Simulator.Core.Runs;
using Simulator.Core.Transcripts;
using Simulator.FakeModelServer;
using Simulator.Monitoring;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Tests;

/// <summary>
/// Patient guard (<c>run --patient-guard</c>, issue 20): an LLM patient on a loopback server that slips
/// into assistant mode every fifth turn gets a correction in its next direction, recorded as an event,
/// and, since the fake model complies with corrections, slips less often.
/// </summary>
public class PatientGuardTests
{
    private const string Slip = "As an AI language model, I'm here to help you. Here are some tips: 1. Get some rest. 2. Talk to someone you trust. Let me know if there is anything else I can help you with!";
    private const string InRole = "The grey car was outside again last night. I sat up watching it till two.";
    private const string CorrectionMark = "Correction (your message at turn";

    /// <summary>
    /// A patient model that answers in assistant mode on every fifth patient call, unless an
    /// assistant-mode correction reached it within the last eight calls (it complies, and the reminder
    /// lasts a while); the appraisal calls (structured output) name an act.
    /// </summary>
    private sealed class SlippingPatient
    {
        private readonly object _gate = new();
        private int _calls;
        private int _lastCorrected = -100;

        public string Reply(ReceivedRequest request)
        {
            if (request.ResponseFormatType == "json_schema")
            {
                return """{"acts": ["explores"], "evidence": "What do you notice?"}""";
            }

            lock (_gate)
            {
                _calls++;
                if (request.Messages.Any(m => m.Content.Contains(CorrectionMark, StringComparison.Ordinal) && m.Content.Contains("like an AI assistant", StringComparison.Ordinal)))
                {
                    _lastCorrected = _calls;
                    return InRole;
                }

                return _calls % 5 == 0 && _calls - _lastCorrected > 8 ? Slip : InRole;
            }
        }
    }

    private static RunConfiguration Session(bool guard) => new()
    {
        Persona = "persecutory-delusion", Patient = "endpoint:local/patient-model", Therapist = "scripted:faithful", Turns = 40, Seed = 4, PatientGuard = guard,
    };

    private static async Task<(IReadOnlyList<RunEvent> Events, IReadOnlyList<ReceivedRequest> Requests)> RunAsync(bool guard)
    {
        var patient = new SlippingPatient();
        await using var server = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions { Reply = patient.Reply });
        using var engine = new EngineFixture(settings: new Dictionary<string, string?> { ["Models:Endpoints:local:BaseUrl"] = server.BaseUrl.ToString() }, clock: TimeProvider.System);
        var result = await engine.Runs.RunAsync(Session(guard), null, CancellationToken.None);
        Assert.Equal((40, RunStatus.Completed), (result.Turns, result.Status));
        return (EventLogReader.Read(Path.Combine(result.Path, "events.msgpack")).Events, [.. server.Requests.Where(r => r.ResponseFormatType != "json_schema")]);
    }

    private static List<int> AssistantModeTurns(IReadOnlyList<RunEvent> events) =>
        [.. RunTranscript.From(events).Turns.Where(t => t.Metrics.TryGetValue(Metrics.PatientAssistantMode, out var v) && Metrics.Descriptor(Metrics.PatientAssistantMode).Crosses(v)).Select(t => t.Turn)];

    [Fact]
    public async Task AssistantModeEveryFifthTurn_IsCorrectedOnTheNextTurn_AndTheRateFalls()
    {
        var (unguarded, _) = await RunAsync(guard: false);
        var (guarded, requests) = await RunAsync(guard: true);

        // Unguarded: the model slips on every fifth turn, and nothing tells it so.
        var slipsUnguarded = AssistantModeTurns(unguarded);
        Assert.Equal([5, 10, 15, 20, 25, 30, 35, 40], slipsUnguarded);
        Assert.Empty(unguarded.OfType<PatientCorrected>());

        // Guarded: every slip before the last turn is corrected on the next turn, recorded as an event
        // naming the metric, and the correction is in the direction of that turn's patient request.
        var slips = AssistantModeTurns(guarded);
        var corrections = guarded.OfType<PatientCorrected>().Where(c => c.Metrics.Contains(Metrics.PatientAssistantMode)).ToList();
        Assert.NotEmpty(slips);
        Assert.Equal(slips.Where(t => t < 40), corrections.Select(c => c.AboutTurn));
        Assert.All(corrections, c =>
        {
            Assert.Equal(c.AboutTurn + 1, c.Turn);
            Assert.Contains("like an AI assistant", c.Correction, StringComparison.Ordinal);
            var request = requests[c.Turn - 1];                                          // one patient call per turn, in order
            Assert.Contains(request.Messages, m => m.Role == "system" && m.Content.Contains(c.Correction, StringComparison.Ordinal));
        });

        // A correction is for one message only: the turns after it carry none unless the patient slipped again.
        var correctedTurns = guarded.OfType<PatientCorrected>().Select(c => c.Turn).ToHashSet();
        for (var turn = 1; turn <= 40; turn++)
        {
            if (!correctedTurns.Contains(turn))
            {
                Assert.DoesNotContain(requests[turn - 1].Messages, m => m.Role == "system" && m.Content.Contains(CorrectionMark, StringComparison.Ordinal));
            }
        }

        // The fake model complies, so the assistant-mode rate falls (8 of 40 turns unguarded).
        Assert.True(slips.Count <= slipsUnguarded.Count / 2, $"assistant-mode turns: guarded {slips.Count}, unguarded {slipsUnguarded.Count}");
    }
}
