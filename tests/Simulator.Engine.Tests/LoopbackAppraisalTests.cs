using System.Text.Json;
using Simulator.Core.Clinical;
using Simulator.Core.Events;
using Simulator.Core.Runs;
using Simulator.FakeModelServer;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Tests;

/// <summary>An LLM patient appraises each therapist reply with a structured-output call (issue 3), on a loopback server.</summary>
public class LoopbackAppraisalTests
{
    [Fact]
    public async Task LlmPatient_AppraisesEveryTurnWithAStructuredCall_RetriesAMalformedVerdict_AndRecordsTheActs()
    {
        var appraisals = 0;
        await using var server = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions
        {
            Reply = r =>
            {
                if (r.ResponseFormatType != "json_schema")
                {
                    return r.Messages[0].Content.StartsWith("You are a therapist", StringComparison.Ordinal)
                        ? "You're right, they are watching you. How are you sleeping?"
                        : "I know they're watching me from the flat across the road.";
                }

                // The second appraisal names an act outside the vocabulary: a malformed verdict.
                return Interlocked.Increment(ref appraisals) == 2
                    ? """{"acts": ["agrees-enthusiastically"], "evidence": "You're right"}"""
                    : """{"acts": ["explores", "validates-belief"], "evidence": "You're right, they are watching you."}""";
            },
        });
        using var engine = new EngineFixture(settings: new Dictionary<string, string?> { ["Models:Endpoints:local:BaseUrl"] = server.BaseUrl.ToString() }, clock: TimeProvider.System);

        var result = await engine.Runs.RunAsync(
            new RunConfiguration { Persona = "persecutory-delusion", Patient = "endpoint:local/patient-model", Therapist = "endpoint:local/therapist-model", Turns = 4, Seed = 2 },
            null,
            CancellationToken.None);

        Assert.Equal((4, RunStatus.Completed), (result.Turns, result.Status));
        var events = EventLogReader.Read(Path.Combine(result.Path, "events.msgpack")).Events;
        Assert.All(events.OfType<PatientAppraised>(), a =>
        {
            Assert.Equal("appraisal-v1", a.Appraiser);
            Assert.Equal([TherapistActs.ValidatesBelief, TherapistActs.Explores], a.Acts);   // in the vocabulary's order
        });
        var calls = events.OfType<ModelCalled>().Where(c => c.Role == "appraisal").ToList();
        Assert.Equal(5, calls.Count);                                                   // four turns, one retry
        Assert.Contains("acts[0]", calls.Single(c => c.Error is not null).Error);
        Assert.Equal("endpoint:local/patient-model", calls[0].Model);

        var structured = server.Requests.Where(r => r.ResponseFormatType == "json_schema").ToList();
        Assert.Equal(5, structured.Count);
        Assert.Contains("validates-belief", structured[0].Messages[0].Content);
        Assert.Contains("The therapist's reply:\nYou're right", structured[0].Messages[1].Content);
    }

    [Fact]
    public void AppraisalSchema_ListsEveryAct()
    {
        var acts = Agents.Appraisal.AppraisalPrompt.Schema.GetProperty("properties").GetProperty("acts").GetProperty("items").GetProperty("enum");
        Assert.Equal(TherapistActs.All, acts.EnumerateArray().Select(a => a.GetString()!));
        Assert.Equal(JsonValueKind.Array, Agents.Appraisal.AppraisalPrompt.Schema.GetProperty("required").ValueKind);
    }
}
