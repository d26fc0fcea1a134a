using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.AI;
using Simulator.Models.Endpoints;
using Simulator.Models.Recording;

namespace Simulator.Models.Tests;

public class RoleModelPipelineTests
{
    [Fact]
    public async Task GetResponseAsync_Scripted_ReportsUsageAndHash_AndFailuresWithTheirError()
    {
        var records = new List<ModelCallRecord>();
        var fails = false;
        using var inner = new DelegateChatClient((_, _) => fails
            ? throw new HttpRequestException("boom")
            : new ChatResponse(new ChatMessage(ChatRole.Assistant, "hi")) { Usage = new UsageDetails { InputTokenCount = 12, OutputTokenCount = 3, CachedInputTokenCount = 8 } });
        var model = new References.RoleModel(References.ModelReference.Parse("scripted:test", "--patient"), "patient", inner, new SamplingOptions(), null, 0, Context.TokenCounter.Estimate, TimeProvider.System);
        using var client = model.Open(records.Add);
        ChatMessage[] messages = [new(ChatRole.System, "be kind"), new(ChatRole.User, "hello")];

        await client.GetResponseAsync(messages);
        fails = true;
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetResponseAsync(messages));

        Assert.Equal(2, records.Count);
        Assert.Equal((12L, 3L, 8L, (string?)null), (records[0].PromptTokens, records[0].CompletionTokens, records[0].CachedTokens, records[0].Error));
        Assert.Equal("HttpRequestException: boom", records[1].Error);
        Assert.Equal(records[0].RequestHash, records[1].RequestHash);
        Assert.Matches("^[0-9a-f]{16}$", records[0].RequestHash);
    }

    [Fact]
    public void RequestHash_DependsOnTextSeedAndModel()
    {
        ChatMessage[] a = [new(ChatRole.User, "hello")];
        ChatMessage[] b = [new(ChatRole.User, "hello!")];

        Assert.NotEqual(RequestHash.Of(a, null, "m"), RequestHash.Of(b, null, "m"));
        Assert.NotEqual(RequestHash.Of(a, new ChatOptions { Seed = 1 }, "m"), RequestHash.Of(a, new ChatOptions { Seed = 2 }, "m"));
        Assert.NotEqual(RequestHash.Of(a, null, "m"), RequestHash.Of(a, null, "n"));
    }

    /// <summary>A fake chat client driven by a delegate.</summary>
    internal sealed class DelegateChatClient(Func<IEnumerable<ChatMessage>, ChatOptions?, ChatResponse> respond) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(respond(messages, options));

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}

public class ModelRegistryTests
{
    [Fact]
    public void Create_Scripted_HasNoPromptBudget_EvenWhenTheRoleConfiguresOne()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Models:Roles:patient:ContextTokens"] = "500" }).Build();
        using var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection()
            .AddSimulatorModels(configuration)
            .AddSingleton<Scripted.IScriptedPolicy>(new EchoPolicy())
            .BuildServiceProvider();
        var registry = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<References.IModelRegistry>(services);

        var model = registry.Create(References.ModelReference.Parse("scripted:echo", "--patient"), "patient", "--patient");

        Assert.Equal(0, model.ContextTokens);
    }

    private sealed class EchoPolicy : Scripted.IScriptedPolicy
    {
        public string Name => "echo";

        public IChatClient CreateClient() => new RoleModelPipelineTests.DelegateChatClient((_, _) => throw new NotSupportedException());
    }
}
