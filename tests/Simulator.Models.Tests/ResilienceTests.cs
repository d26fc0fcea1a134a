using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Simulator.Models.Context;
using Simulator.Models.Endpoints;
using Simulator.Models.Recording;
using Simulator.Models.References;
using Simulator.Models.Resilience;

namespace Simulator.Models.Tests;

/// <summary>
/// Retries, the breaker and Polly's timeout on an injected <see cref="FakeTimeProvider"/>: every wait the pipeline
/// makes is one the test advances past in small steps, so nothing here waits on the wall clock for time to pass
/// (the only real waits are a millisecond between steps, for the pipeline's threads to catch up).
/// </summary>
public class ResilienceTests
{
    private static readonly ChatMessage[] Hello = [new(ChatRole.System, "You are a therapist."), new(ChatRole.User, "I feel low today.")];

    [Fact]
    public async Task RateLimited_RetriesAfterTheServersWait_ExactlyOnTheInjectedClock()
    {
        var clock = new FakeTimeProvider();
        var started = clock.GetUtcNow();
        var at = new List<double>();
        var (client, records, endpoint) = Open(clock, new EndpointOptions(), _ =>
        {
            lock (at)
            {
                at.Add((clock.GetUtcNow() - started).TotalMilliseconds);
                return at.Count <= 2
                    ? throw new ModelFaultException(ModelFaultKind.RateLimited, "HTTP 429: slow down", TimeSpan.FromMilliseconds(400))
                    : Task.FromResult(Reply("hello"));
            }
        });
        using var _ = endpoint;

        // The clock moves in 1 ms steps, so each retry shows when the pipeline let it go, whatever the threads do.
        var response = await AdvanceUntilDone(clock, client.GetResponseAsync(Hello), stepMs: 1);

        Assert.Equal("hello", response.Text);
        Assert.Equal(3, at.Count);
        Assert.InRange(at[1] - at[0], 400, 410);
        Assert.InRange(at[2] - at[1], 400, 410);
        Assert.Equal([1, 2, 3], records.Select(r => r.Attempt));
        Assert.All(records.Take(2), r => Assert.StartsWith("RateLimited:", r.Error));
        Assert.Single(records.Select(r => r.RequestHash).Distinct());
    }

    [Fact]
    public async Task AnAttemptPastItsTimeout_IsATimeoutFault_AfterExactlyTheConfiguredTime_ThenRetried()
    {
        var clock = new FakeTimeProvider();
        var calls = 0;
        var (client, records, endpoint) = Open(clock, new EndpointOptions { TimeoutSeconds = 2 }, async ct =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            }

            return Reply("at last");
        });
        using var _ = endpoint;

        var response = await AdvanceUntilDone(clock, client.GetResponseAsync(Hello), stepMs: 1);

        Assert.Equal("at last", response.Text);
        Assert.Equal("Timeout: no answer within 2 s", records[0].Error);
        Assert.InRange(records[0].LatencyMs, 2000, 2010);
        Assert.Equal((2, (string?)null), (records[1].Attempt, records[1].Error));
    }

    [Fact]
    public async Task AfterTheConfiguredFaults_TheBreakerOpens_AndTheNextCallWaitsOutTheWholeBreakForOneProbe()
    {
        var clock = new FakeTimeProvider();
        var started = clock.GetUtcNow();
        var at = new List<double>();
        var options = new EndpointOptions { MaxAttempts = 2, BreakerMinimumThroughput = 2, BreakerFailureRatio = 1, BreakerBreakSeconds = 1 };
        var (client, records, endpoint) = Open(clock, options, _ =>
        {
            lock (at)
            {
                at.Add((clock.GetUtcNow() - started).TotalMilliseconds);
            }

            throw new HttpRequestException("upstream failed", null, System.Net.HttpStatusCode.InternalServerError);
        });
        using var _ = endpoint;

        await Assert.ThrowsAsync<ModelCallFailedException>(() => AdvanceUntilDone(clock, client.GetResponseAsync(Hello), stepMs: 1));
        Assert.Equal(2, at.Count);

        // The breaker is open: the next call sends nothing, and its retry waits a whole break for the probe.
        var ex = await Assert.ThrowsAsync<ModelCallFailedException>(() => AdvanceUntilDone(clock, client.GetResponseAsync(Hello), stepMs: 1));

        Assert.Equal(3, at.Count);
        Assert.True(at[2] - at[1] >= 1000, $"the probe came {at[2] - at[1]} ms after the breaker opened");
        Assert.Equal(ModelFaultKind.ServerError, ex.LastFault.Kind);
        Assert.Equal(
            [ModelFaultKind.ServerError, ModelFaultKind.ServerError, ModelFaultKind.CircuitOpen, ModelFaultKind.ServerError],
            records.Select(r => Enum.Parse<ModelFaultKind>(r.Error![..r.Error!.IndexOf(':', StringComparison.Ordinal)])));
    }

    [Theory]
    [InlineData("TimeoutSeconds", "0")]
    [InlineData("MaxAttempts", "0")]
    [InlineData("MaxConcurrency", "0")]
    [InlineData("BreakerFailureRatio", "1.5")]
    public void AnEndpointSettingOutOfRange_IsRefusedAtStart_NamingTheKey(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Models:Endpoints:local:BaseUrl"] = "http://127.0.0.1:9/v1",
            [$"Models:Endpoints:local:{key}"] = value,
        }).Build();
        using var services = new ServiceCollection().AddSimulatorModels(configuration).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"Models:Endpoints:local:{key}: {value} must be in", ex.Message);
    }

    [Fact]
    public void TheDefaults_PassTheStartChecks()
    {
        using var services = new ServiceCollection().AddSimulatorModels(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Models:Endpoints:local:BaseUrl"] = "http://127.0.0.1:9/v1",
        }).Build()).BuildServiceProvider();

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(120, services.GetRequiredService<IOptions<ModelsOptions>>().Value.Endpoints["local"].TimeoutSeconds);
    }

    private static (IChatClient Client, List<ModelCallRecord> Records, ModelEndpoint Endpoint) Open(
        FakeTimeProvider clock, EndpointOptions options, Func<CancellationToken, Task<ChatResponse>> provider)
    {
        options.BaseUrl ??= "http://127.0.0.1:9/v1";
        var endpoint = new ModelEndpoint("fake", options, null, clock);
        var model = new RoleModel(
            ModelReference.Parse("endpoint:fake/fake-model", "--therapist"), "therapist", new ProviderClient(provider), new SamplingOptions(), endpoint, 0, TokenCounter.Estimate, clock);
        var records = new List<ModelCallRecord>();
        return (model.Open(r =>
        {
            lock (records)
            {
                records.Add(r);
            }
        }), records, endpoint);
    }

    private static ChatResponse Reply(string text) => new(new ChatMessage(ChatRole.Assistant, text))
    {
        FinishReason = ChatFinishReason.Stop,
        Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 2 },
    };

    /// <summary>
    /// Advances the fake clock in steps of <paramref name="stepMs"/> until <paramref name="call"/> ends (backoffs carry
    /// jitter), letting the pipeline's threads catch up between steps, so a timer it sets late is never skipped.
    /// </summary>
    private static async Task<T> AdvanceUntilDone<T>(FakeTimeProvider clock, Task<T> call, int stepMs = 50)
    {
        for (var step = 0; step < 60_000 / stepMs && !call.IsCompleted; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(stepMs));
            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System);
        }

        return await call.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private sealed class ProviderClient(Func<CancellationToken, Task<ChatResponse>> respond) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            respond(cancellationToken);

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
