using Microsoft.Extensions.DependencyInjection;
using Simulator.Core.Events;
using Simulator.Core.Runs;
using Simulator.FakeModelServer;
using Simulator.Models.Context;
using Simulator.Models.Endpoints;
using Simulator.Models.Recording;
using Simulator.Models.References;
using Simulator.Models.Scripted;
using Simulator.Storage.EventLog;

namespace Simulator.Engine.Tests;

/// <summary>A run against a server on loopback, re-executed from its recorded calls: same prompts, same log, no server.</summary>
public class RecordedReplayTests
{
    [Theory]
    [InlineData(60, 0)]
    [InlineData(30, 10)]
    public async Task ReExecution_FromRecordedCalls_RebuildsEveryPromptAndTheSameLog(int turns, int probeEvery)
    {
        const string keyVariable = "SIMULATOR_TEST_REPLAY_KEY";
        Environment.SetEnvironmentVariable(keyVariable, "sk-replay-1");
        var settings = new Dictionary<string, string?>
        {
            ["Models:Endpoints:local:ApiKeyVariable"] = keyVariable,
            ["Models:Endpoints:local:ContextTokens"] = "2500",
        };
        var config = new RunConfiguration { Persona = "persecutory-delusion", Therapist = "endpoint:local/fake-model", Turns = turns, Seed = 9, ProbeEvery = probeEvery };
        IReadOnlyList<RunEvent> original;
        string originalHash;
        await using (var server = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions()))
        {
            settings["Models:Endpoints:local:BaseUrl"] = server.BaseUrl.ToString();
            using var engine = new EngineFixture(settings: settings, clock: TimeProvider.System);
            var result = await engine.Runs.RunAsync(config, null, CancellationToken.None);
            original = EventLogReader.Read(Path.Combine(result.Path, "events.msgpack")).Events;
            originalHash = result.ContentHash;
        }

        Assert.Contains(original, e => e is ContextCompacted { Role: "therapist" });
        Assert.Equal(probeEvery > 0, original.Any(e => e is ProbeAnswered { Role: "therapist" }));
        var mismatches = new List<string>();
        var recorded = new RecordedChatClient(RecordedReply.Of(original, "therapist"), config.Therapist, (r, actual) => mismatches.Add($"turn {r.Turn} {r.Role}: {r.RequestHash} != {actual}"));
        settings["Models:Endpoints:local:BaseUrl"] = "http://127.0.0.1:9/v1";   // nothing listens: any real call would fail
        using var replay = new EngineFixture(
            services => services.AddSingleton<IModelRegistry>(sp => new RecordedRegistry(sp.GetServices<IScriptedPolicy>(), recorded, 2500)),
            settings);

        var again = await replay.Runs.RunAsync(config, null, CancellationToken.None);

        Assert.Empty(mismatches);
        Assert.Equal(0, recorded.Remaining);
        Assert.Equal(originalHash, again.ContentHash);
    }

    /// <summary>Scripted models as usual; the endpoint model answers from the recording.</summary>
    private sealed class RecordedRegistry(IEnumerable<IScriptedPolicy> policies, RecordedChatClient recorded, int contextTokens) : IModelRegistry
    {
        public IReadOnlyCollection<string> ScriptedPolicies => [.. policies.Select(p => p.Name)];

        public RoleModel Create(ModelReference reference, string role, string field) => new(
            reference,
            role,
            reference.IsScripted ? policies.Single(p => p.Name == reference.Model).CreateClient() : recorded,
            new SamplingOptions(),
            null,
            reference.IsScripted ? 0 : contextTokens,
            TokenCounter.Estimate,
            TimeProvider.System);
    }
}
