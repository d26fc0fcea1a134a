using System.Diagnostics;
using Microsoft.Extensions.AI;
using Simulator.FakeModelServer;
using Simulator.Models.Resilience;

namespace Simulator.Models.Tests;

/// <summary>The model layer against a real OpenAI-compatible server on loopback that injects faults.</summary>
public class EndpointFaultTests
{
    private static readonly ChatMessage[] Hello = [new(ChatRole.System, "You are a therapist."), new(ChatRole.User, "I feel low today.")];

    [Theory]
    [InlineData(FaultKind.RateLimited, ModelFaultKind.RateLimited)]
    [InlineData(FaultKind.ServerError, ModelFaultKind.ServerError)]
    [InlineData(FaultKind.Stall, ModelFaultKind.Timeout)]
    [InlineData(FaultKind.TruncatedBody, ModelFaultKind.Connection)]
    [InlineData(FaultKind.Garbage, ModelFaultKind.Unreadable)]
    [InlineData(FaultKind.Refusal, ModelFaultKind.Refusal)]
    [InlineData(FaultKind.Empty, ModelFaultKind.Empty)]
    [InlineData(FaultKind.CutOff, ModelFaultKind.CutOff)]
    public async Task OneFault_IsRecordedAsItsKind_ThenTheRetrySucceeds(FaultKind fault, ModelFaultKind expected)
    {
        var shortTimeout = new Dictionary<string, string?> { ["Models:Endpoints:local:TimeoutSeconds"] = "1" };
        await using var local = await LoopbackEndpoint.StartAsync(new FakeServerOptions { Faults = i => i == 0 ? fault : FaultKind.None }, settings: fault == FaultKind.Stall ? shortTimeout : null);
        var client = local.Client();

        var response = await client.GetResponseAsync(Hello);

        Assert.False(string.IsNullOrWhiteSpace(response.Text));
        Assert.Equal(2, local.Server.RequestCount);                   // no retries hidden inside the provider's SDK
        Assert.Equal([1, 2], local.Calls.Select(c => c.Attempt));
        Assert.StartsWith(expected + ":", local.Calls[0].Error);
        Assert.Null(local.Calls[1].Error);
        Assert.True(local.Calls[1].PromptTokens > 0 && local.Calls[1].CompletionTokens > 0);
        Assert.Equal(local.Calls[0].RequestHash, local.Calls[1].RequestHash);
    }

    [Fact]
    public async Task RateLimited_WaitsTheServersRetryAfter_OnTheInjectedClock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var local = await LoopbackEndpoint.StartAsync(
            new FakeServerOptions
            {
                Faults = i => i < 2 ? FaultKind.RateLimited : FaultKind.None,
                RetryAfter = TimeSpan.FromMilliseconds(400),
            },
            clock: clock);

        var call = local.Client().GetResponseAsync(Hello);
        await Until(() => local.Calls.Count == 1);
        clock.Advance(TimeSpan.FromMilliseconds(399));
        Assert.Equal(1, local.Server.RequestCount);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Until(() => local.Calls.Count == 2);
        clock.Advance(TimeSpan.FromMilliseconds(400));
        await call.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(3, local.Server.RequestCount);
        Assert.All(local.Calls.Take(2), c => Assert.StartsWith("RateLimited:", c.Error));
    }

    /// <summary>A bounded poll for requests already released by the clock (the server is real, on loopback).</summary>
    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 3_000 && !condition(); i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }

        Assert.True(condition());
    }

    [Fact]
    public async Task EveryAttemptFailing_ThrowsAfterMaxAttempts_NamingRoleAndLastFault()
    {
        await using var local = await LoopbackEndpoint.StartAsync(
            new FakeServerOptions { Faults = _ => FaultKind.ServerError },
            settings: new Dictionary<string, string?> { ["Models:Endpoints:local:MaxAttempts"] = "3" });

        var ex = await Assert.ThrowsAsync<ModelCallFailedException>(() => local.Client().GetResponseAsync(Hello));

        Assert.Equal(3, local.Server.RequestCount);
        Assert.Contains("therapist model endpoint:local/fake-model failed after 3 attempts", ex.Message);
        Assert.Equal(ModelFaultKind.ServerError, ex.LastFault.Kind);
    }

    [Fact]
    public async Task WrongKey_IsRejectedOnce_AndTheKeyIsInNoMessage()
    {
        await using var local = await LoopbackEndpoint.StartAsync(new FakeServerOptions());
        Environment.SetEnvironmentVariable(LoopbackEndpoint.KeyVariable, "sk-wrong-key-0000");
        try
        {
            var ex = await Assert.ThrowsAsync<ModelCallFailedException>(() => local.Client().GetResponseAsync(Hello));

            Assert.Equal(1, local.Server.RequestCount);
            Assert.Equal(ModelFaultKind.Rejected, ex.LastFault.Kind);
            Assert.DoesNotContain("sk-wrong-key-0000", ex.ToString());
            Assert.All(local.Calls, c => Assert.DoesNotContain("sk-wrong-key-0000", c.Error ?? ""));
        }
        finally
        {
            Environment.SetEnvironmentVariable(LoopbackEndpoint.KeyVariable, LoopbackEndpoint.Key);
        }
    }

    [Fact]
    public async Task EveryRequest_CarriesTheKey_AndTheRolesSamplingParameters()
    {
        await using var local = await LoopbackEndpoint.StartAsync(new FakeServerOptions(), settings: new Dictionary<string, string?>
        {
            ["Models:Endpoints:local:Sampling:Temperature"] = "0.3",
            ["Models:Roles:therapist:Sampling:MaxTokens"] = "200",
            ["Models:Roles:therapist:Sampling:TopP"] = "0.9",
        });

        await local.Client().GetResponseAsync(Hello, new ChatOptions { Seed = 42 });

        var request = Assert.Single(local.Server.Requests);
        Assert.Equal("Bearer " + LoopbackEndpoint.Key, request.Authorization);
        Assert.Equal(("fake-model", 42L, 0.3, 0.9, 200), (request.Model, request.Seed, Math.Round(request.Temperature ?? 0, 3), Math.Round(request.TopP ?? 0, 3), request.MaxTokens));
        Assert.Equal(["system", "user"], request.Messages.Select(m => m.Role));
    }

    [Fact]
    public async Task StructuredCall_ReplyThatIsNotJson_IsAFault()
    {
        var replies = 0;
        await using var local = await LoopbackEndpoint.StartAsync(new FakeServerOptions
        {
            Reply = _ => Interlocked.Increment(ref replies) == 1 ? "Sure! Here is the score: 3" : "{\"score\": 3}",
        });

        var response = await local.Client().GetResponseAsync(Hello, new ChatOptions { ResponseFormat = ChatResponseFormat.Json });

        Assert.Equal("{\"score\": 3}", response.Text);
        Assert.StartsWith("NotJson:", local.Calls[0].Error);
        Assert.Equal("json_object", local.Server.Requests.First().ResponseFormatType);
    }

    [Fact]
    public async Task ConcurrencyLimit_HoldsAcrossClientsOfTheEndpoint()
    {
        await using var local = await LoopbackEndpoint.StartAsync(
            new FakeServerOptions { Latency = TimeSpan.FromMilliseconds(150) },
            settings: new Dictionary<string, string?> { ["Models:Endpoints:local:MaxConcurrency"] = "2" });
        var watch = Stopwatch.StartNew();

        // Eight calls from four roles' clients: two at a time means at least four rounds of 150 ms.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => local.Client("role" + (i % 4)).GetResponseAsync(Hello)));

        Assert.Equal(8, local.Server.RequestCount);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(590), $"took {watch.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Ollama_NativeChat_Works_WithItsOptions()
    {
        await using var local = await LoopbackEndpoint.StartAsync(new FakeServerOptions(), kind: "ollama", settings: new Dictionary<string, string?>
        {
            ["Models:Endpoints:local:Sampling:Temperature"] = "0.5",
        });

        var response = await local.Client().GetResponseAsync(Hello, new ChatOptions { Seed = 7 });

        Assert.False(string.IsNullOrWhiteSpace(response.Text));
        var request = Assert.Single(local.Server.Requests);
        Assert.Equal("/api/chat", request.Path);
        Assert.Equal((7L, 0.5), (request.Seed, request.Temperature));
        Assert.True(local.Calls.Single().PromptTokens > 0);
    }
}
