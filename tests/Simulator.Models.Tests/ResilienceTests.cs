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
/// makes is one the test advances past, so nothing here waits on the wall clock (the only real waits are bounded
/// polls for work already released).
/// </summary>
public class ResilienceTests
{
    private static readonly ChatMessage[] Hello = [new(ChatRole.System, "You are a therapist."), new(ChatRole.User, "I feel low today.")];

    [Fact]
    public async Task RateLimited_RetriesAfterTheServersWait_ExactlyOnTheInjectedClock()
    {
        var clock = new FakeTimeProvider();
        var calls = 0;
        var (client, records, endpoint) = Open(clock, new EndpointOptions(), _ => ++calls <= 2
            ? throw new ModelFaultException(ModelFaultKind.RateLimited, "HTTP 429: slow down", TimeSpan.FromMilliseconds(400))
            : Task.FromResult(Reply("hello")));
        using var _ = endpoint;

        var call = client.GetResponseAsync(Hello);
        Assert.Equal(1, calls);
        clock.Advance(TimeSpan.FromMilliseconds(399));
        Assert.Equal(1, calls);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Until(() => calls == 2);
        clock.Advance(TimeSpan.FromMilliseconds(400));
        var response = await call.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("hello", response.Text);
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

        var call = client.GetResponseAsync(Hello);
        clock.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.Empty(records);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Until(() => records.Count == 1);
        var response = await AdvanceUntilDone(clock, call);

        Assert.Equal("at last", response.Text);
        Assert.Equal("Timeout: no answer within 2 s", records[0].Error);
        Assert.Equal(2000, records[0].LatencyMs);
        Assert.Equal((2, (string?)null), (records[1].Attempt, records[1].Error));
    }

    [Fact]
    public async Task AfterTheConfiguredFaults_TheBreakerOpens_AndTheNextCallWaitsOutTheWholeBreakForOneProbe()
    {
        var clock = new FakeTimeProvider();
        var calls = 0;
        var options = new EndpointOptions { MaxAttempts = 2, BreakerMinimumThroughput = 2, BreakerFailureRatio = 1, BreakerBreakSeconds = 1 };
        var (client, records, endpoint) = Open(clock, options, _ =>
        {
            Interlocked.Increment(ref calls);
            throw new HttpRequestException("upstream failed", null, System.Net.HttpStatusCode.InternalServerError);
        });
        using var _ = endpoint;

        await Assert.ThrowsAsync<ModelCallFailedException>(() => AdvanceUntilDone(clock, client.GetResponseAsync(Hello)));
        Assert.Equal(2, calls);

        // The breaker is open: the next call sends nothing, and its retry waits a whole break for the probe.
        var second = client.GetResponseAsync(Hello);
        Assert.Equal(2, calls);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(2, calls);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var ex = await Assert.ThrowsAsync<ModelCallFailedException>(() => second.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(3, calls);
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

    /// <summary>Advances the fake clock in small steps until <paramref name="call"/> ends (backoffs carry jitter).</summary>
    private static async Task<T> AdvanceUntilDone<T>(FakeTimeProvider clock, Task<T> call)
    {
        for (var step = 0; step < 10_000 && !call.IsCompleted; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Yield();
        }

        return await call.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Work the clock has already released may finish on another thread: a bounded poll, not a wait for time to pass.</summary>
    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 3_000 && !condition(); i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }

        Assert.True(condition());
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
