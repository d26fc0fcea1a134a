using Microsoft.Extensions.AI;
using Simulator.Core.Validation;
using Simulator.Models.Recording;
using Simulator.Models.References;

namespace Simulator.Models.Tests;

public class ModelReferenceTests
{
    [Theory]
    [InlineData("scripted:faithful", "scripted", null, "faithful")]
    [InlineData("openai:gpt-4o-mini", "openai", null, "gpt-4o-mini")]
    [InlineData("ollama:llama3.1:8b", "ollama", null, "llama3.1:8b")]
    [InlineData("endpoint:local/Qwen/Qwen2.5-7B", "endpoint", "local", "Qwen/Qwen2.5-7B")]
    public void Parse_ValidReference_SplitsKindEndpointModel(string text, string kind, string? endpoint, string model)
    {
        var r = ModelReference.Parse(text, "--therapist");

        Assert.Equal((kind, endpoint, model), (r.Kind, r.Endpoint, r.Model));
        Assert.Equal(text, r.ToString());
    }

    [Theory]
    [InlineData("gpt-4o")]
    [InlineData("scripted:")]
    [InlineData("magic:model")]
    [InlineData("endpoint:local")]
    [InlineData("endpoint:/model")]
    public void Parse_Malformed_IsInvalidInputNamingTheField(string text)
    {
        var ex = Assert.Throws<InvalidInputException>(() => ModelReference.Parse(text, "--patient"));

        Assert.Equal("--patient", ex.Field);
    }
}

public class RecordingChatClientTests
{
    [Fact]
    public async Task GetResponseAsync_ReportsUsageAndHash_AndFailuresWithTheirError()
    {
        var records = new List<ModelCallRecord>();
        var fails = false;
        using var inner = new DelegateChatClient((_, _) => fails
            ? throw new HttpRequestException("boom")
            : new ChatResponse(new ChatMessage(ChatRole.Assistant, "hi")) { Usage = new UsageDetails { InputTokenCount = 12, OutputTokenCount = 3, CachedInputTokenCount = 8 } });
        using var client = new RecordingChatClient(inner, TimeProvider.System, records.Add);
        ChatMessage[] messages = [new(ChatRole.System, "be kind"), new(ChatRole.User, "hello")];

        await client.GetResponseAsync(messages);
        fails = true;
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetResponseAsync(messages));

        Assert.Equal(2, records.Count);
        Assert.Equal((12L, 3L, 8L, (string?)null), (records[0].PromptTokens, records[0].CompletionTokens, records[0].CachedTokens, records[0].Error));
        Assert.Equal("HttpRequestException", records[1].Error);
        Assert.Equal(records[0].RequestHash, records[1].RequestHash);
        Assert.Matches("^[0-9a-f]{16}$", records[0].RequestHash);
    }

    [Fact]
    public void RequestHash_DependsOnTextAndSeed()
    {
        ChatMessage[] a = [new(ChatRole.User, "hello")];
        ChatMessage[] b = [new(ChatRole.User, "hello!")];

        Assert.NotEqual(RecordingChatClient.RequestHash(a, null), RecordingChatClient.RequestHash(b, null));
        Assert.NotEqual(RecordingChatClient.RequestHash(a, new ChatOptions { Seed = 1 }), RecordingChatClient.RequestHash(a, new ChatOptions { Seed = 2 }));
    }

    /// <summary>A fake chat client driven by a delegate.</summary>
    private sealed class DelegateChatClient(Func<IEnumerable<ChatMessage>, ChatOptions?, ChatResponse> respond) : IChatClient
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
