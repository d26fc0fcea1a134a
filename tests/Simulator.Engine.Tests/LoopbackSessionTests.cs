using System.Text;
using Simulator.Agents.Prompts;
using Simulator.Core.Events;
using Simulator.Core.Runs;
using Simulator.FakeModelServer;
using Simulator.Storage.Catalogs;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;
using Simulator.Tests.Shared;

namespace Simulator.Engine.Tests;

/// <summary>Whole sessions whose therapist is an OpenAI-compatible server on loopback (the fake server, with faults).</summary>
public class LoopbackSessionTests
{
    private const string KeyVariable = "SIMULATOR_TEST_SESSION_KEY";
    private const string Key = "sk-session-5b1e0d9a7c";

    private static async Task<(FakeModelServer.FakeModelServer Server, EngineFixture Engine)> StartAsync(FakeServerOptions options, IDictionary<string, string?>? settings = null)
    {
        Environment.SetEnvironmentVariable(KeyVariable, Key);
        var server = await FakeModelServer.FakeModelServer.StartAsync(options with { ExpectedApiKey = Key });
        var values = new Dictionary<string, string?>
        {
            ["Models:Endpoints:local:BaseUrl"] = server.BaseUrl.ToString(),
            ["Models:Endpoints:local:ApiKeyVariable"] = KeyVariable,
            ["Models:Endpoints:local:TimeoutSeconds"] = "2",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            values[k] = v;
        }

        return (server, new EngineFixture(settings: values, clock: TimeProvider.System));
    }

    private static RunConfiguration Session(int turns) => new()
    {
        Persona = "depression-suicidal",
        Therapist = "endpoint:local/fake-model",
        Protocol = "cbt-restructuring",
        Style = "warm",
        Turns = turns,
        Seed = 3,
    };

    [Fact]
    public async Task ThirtyTurns_AgainstAServerFailingAQuarterOfCalls_CompletesEveryTurn_AndTheKeyIsInNoFile()
    {
        FaultKind[] faults = [FaultKind.RateLimited, FaultKind.ServerError, FaultKind.Stall, FaultKind.Garbage];
        var (server, engine) = await StartAsync(new FakeServerOptions { Faults = i => i % 4 == 3 ? faults[i / 4 % 4] : FaultKind.None, RetryAfter = TimeSpan.FromMilliseconds(50) });
        await using var _ = server;
        using var __ = engine;

        var result = await engine.Runs.RunAsync(Session(30), null, CancellationToken.None);

        Assert.Equal((30, RunStatus.Completed), (result.Turns, result.Status));
        var requests = server.Requests;
        Assert.True(requests.Count(r => r.Fault != FaultKind.None) >= 9, "a quarter of the calls failed");
        Assert.All(requests, r => Assert.Equal("Bearer " + Key, r.Authorization));
        var calls = EventLogReader.Read(Path.Combine(result.Path, "events.msgpack")).Events.OfType<ModelCalled>().Where(c => c.Role == "therapist").ToList();
        Assert.Equal(requests.Count, calls.Count);                                     // every attempt is an event
        Assert.All(requests.Zip(calls), x => Assert.Equal(x.First.Fault != FaultKind.None, x.Second.Error is not null));   // in order: calls are sequential
        Assert.Contains(calls, c => c.Error?.StartsWith("Timeout:", StringComparison.Ordinal) == true);
        Assert.Contains(calls, c => c.Error?.StartsWith("RateLimited:", StringComparison.Ordinal) == true);
        foreach (var file in Directory.EnumerateFiles(engine.RunsRoot, "*", SearchOption.AllDirectories))
        {
            Assert.False(Contains(file, Key), $"{file} contains the key");
        }

        // The therapist's system message is the protocol's prompt rendered in the style (issue 4).
        var protocol = engine.Get<ProtocolCatalog>().Get("cbt-restructuring").Document;
        var first = requests.First();
        Assert.Equal("system", first.Messages[0].Role);
        Assert.Equal(TherapistPrompt.Render(protocol, "warm"), first.Messages[0].Content);
    }

    [Fact]
    public async Task ThreeHundredTurns_PromptsStayWithinTheBudget_AndKeepAStablePrefix()
    {
        const int budget = 3000;
        var (server, engine) = await StartAsync(new FakeServerOptions(), new Dictionary<string, string?> { ["Models:Endpoints:local:ContextTokens"] = budget.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await using var _ = server;
        using var __ = engine;

        var result = await engine.Runs.RunAsync(Session(300), null, CancellationToken.None);

        Assert.Equal(300, result.Turns);
        var events = EventLogReader.Read(Path.Combine(result.Path, "events.msgpack")).Events;
        var compactions = events.OfType<ContextCompacted>().Where(c => c.Role == "therapist").ToList();
        Assert.True(compactions.Count >= 3, $"{compactions.Count} compactions");
        Assert.All(compactions, c => Assert.True(c.TokensAfter <= budget, $"{c.TokensAfter} tokens after compaction"));

        var replies = server.Requests.Where(r => r.Messages.Count > 0 && r.Messages[0].Content.StartsWith("You are a therapist", StringComparison.Ordinal)).ToList();
        Assert.Equal(300, replies.Count);
        var promptTokens = events.OfType<ModelCalled>().Where(c => c.Role == "therapist").Select(c => c.PromptTokens).ToList();
        var late = promptTokens.Skip(100).ToList();
        Assert.True(late.Max() <= budget * 1.1, $"prompt tokens reach {late.Max()}");     // flat: bounded by the budget

        // Between compactions each prompt extends the previous one; a compaction call starts a new prefix.
        var compactedAt = compactions.Select(c => c.Turn).ToHashSet();
        var shares = new List<double>();
        for (var i = 1; i < replies.Count; i++)
        {
            if (!compactedAt.Contains(i + 1))
            {
                shares.Add(SharedPrefix(replies[i - 1], replies[i]));
            }
        }

        Assert.True(shares.Min() >= 0.9, $"lowest shared prefix {shares.Min():P1}");
        Assert.True(shares.Count >= 300 - 1 - compactions.Count);
    }

    [Fact]
    public async Task ServerThatKeepsFailing_EndsTheRunFailed_WithEveryCompletedTurnAndEveryAttemptSaved()
    {
        var (server, engine) = await StartAsync(
            new FakeServerOptions { Faults = i => i >= 5 ? FaultKind.ServerError : FaultKind.None },
            new Dictionary<string, string?> { ["Models:Endpoints:local:MaxAttempts"] = "3" });
        await using var _ = server;
        using var __ = engine;

        var result = await engine.Runs.RunAsync(Session(20), null, CancellationToken.None);

        Assert.Equal((5, RunStatus.Failed), (result.Turns, result.Status));
        Assert.Contains("therapist model endpoint:local/fake-model failed after 3 attempts", result.Error);
        var events = EventLogReader.Read(Path.Combine(result.Path, "events.msgpack")).Events;
        Assert.Equal(RunEnded.Reasons.Error, events.OfType<RunEnded>().Single().Reason);
        Assert.Equal(5, events.OfType<TherapistReplied>().Count());
        Assert.Equal(3, events.OfType<ModelCalled>().Count(c => c.Turn == 6 && c.Role == "therapist" && c.Error is not null));
    }

    private static double SharedPrefix(ReceivedRequest previous, ReceivedRequest current)
    {
        var shared = 0;
        for (var i = 0; i < Math.Min(previous.Messages.Count, current.Messages.Count) && previous.Messages[i] == current.Messages[i]; i++)
        {
            shared += previous.Messages[i].Content.Length;
        }

        return shared / (double)current.Messages.Sum(m => m.Content.Length);
    }

    private static bool Contains(string file, string text)
    {
        var bytes = File.ReadAllBytes(file);
        var needle = Encoding.UTF8.GetBytes(text);
        return bytes.AsSpan().IndexOf(needle) >= 0;
    }
}
