using Microsoft.Extensions.AI;
using Simulator.FakeModelServer;

namespace Simulator.Models.Tests;

/// <summary>An endpoint's provider client is made once per model and shared by every role and session that calls it.</summary>
public class SharedClientTests
{
    private static readonly ChatMessage[] Hello = [new(ChatRole.System, "You are a therapist."), new(ChatRole.User, "I feel low today.")];

    [Fact]
    public async Task Model_ForTwoSessions_SharesOneProviderClient_AndADisposedPipelineLeavesItWorking()
    {
        await using var local = await LoopbackEndpoint.StartAsync(new FakeServerOptions());
        var first = local.Model();
        var second = local.Model("patient");

        using (var done = first.Open(_ => { }))
        {
            await done.GetResponseAsync(Hello);
        }

        var response = await second.Open(_ => { }).GetResponseAsync(Hello);

        var provider = first.Open(_ => { }).GetService<global::OpenAI.Chat.ChatClient>();
        Assert.NotNull(provider);
        Assert.Same(provider, second.Open(_ => { }).GetService<global::OpenAI.Chat.ChatClient>());
        Assert.NotEmpty(response.Text);
        Assert.Equal(2, local.Server.RequestCount);
    }

    [Fact]
    public async Task FakeServer_NotKeepingRequests_CountsThem_AndAnswersAsWhenKeeping()
    {
        await using var keeping = await LoopbackEndpoint.StartAsync(new FakeServerOptions());
        await using var counting = await LoopbackEndpoint.StartAsync(new FakeServerOptions { KeepRequests = false });

        var kept = await keeping.Client().GetResponseAsync(Hello);
        var counted = await counting.Client().GetResponseAsync(Hello);

        Assert.Equal(kept.Text, counted.Text);
        Assert.Equal(kept.Usage?.InputTokenCount, counted.Usage?.InputTokenCount);
        Assert.Single(keeping.Server.Requests);
        Assert.Empty(counting.Server.Requests);
        Assert.Equal(1, counting.Server.RequestCount);
    }
}
