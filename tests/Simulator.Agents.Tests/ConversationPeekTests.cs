using Microsoft.Extensions.AI;
using Simulator.Agents.Sessions;
using Simulator.Core.Personas;
using Simulator.Core.Protocols;
using Simulator.Core.Transcripts;
using Simulator.Models.Context;

namespace Simulator.Agents.Tests;

/// <summary>Probes see a copy of an agent's conversation: <see cref="Conversation.Peek"/> keeps nothing and never compacts.</summary>
public class ConversationPeekTests
{
    private static Conversation New(ContextBudget? budget = null) => new(
        x => [new ChatMessage(ChatRole.User, x.Patient), new ChatMessage(ChatRole.Assistant, x.Therapist)], "for the therapist", budget);

    private static List<Exchange> History(int turns) =>
        [.. Enumerable.Range(1, turns).Select(i => new Exchange($"patient {i} " + new string('p', 200), $"therapist {i} " + new string('t', 200)))];

    private static string[] Texts(IEnumerable<ChatMessage> messages) => [.. messages.Select(m => $"{m.Role}: {m.Text}")];

    [Fact]
    public async Task Peek_IsTheNextRequestsMessagesWithTheQuestion_AndLeavesTheConversationAsItWas()
    {
        var history = History(4);
        var probed = New();
        var plain = New();
        await probed.ForAsync("sys", history[..3], CancellationToken.None, new ChatMessage(ChatRole.User, "patient 4"));
        await plain.ForAsync("sys", history[..3], CancellationToken.None, new ChatMessage(ChatRole.User, "patient 4"));

        var peek = probed.Peek("sys", history, new ChatMessage(ChatRole.User, "Who are you?"));
        var next = Texts(await probed.ForAsync("sys", history, CancellationToken.None, new ChatMessage(ChatRole.User, "patient 5")));

        Assert.Equal(1 + 8 + 1, peek.Count);
        Assert.Equal("user: Who are you?", Texts(peek)[^1]);
        Assert.Equal(next[..^1], Texts(peek)[..^1]);
        Assert.Equal(Texts(await plain.ForAsync("sys", history, CancellationToken.None, new ChatMessage(ChatRole.User, "patient 5"))), next);
    }

    [Fact]
    public async Task Peek_OverTheBudget_NeverCompacts()
    {
        var summarizer = new CountingClient();
        var compactions = 0;
        var conversation = New(new ContextBudget(100, TokenCounter.Estimate, summarizer, _ => compactions++));
        var history = History(6);

        var peek = conversation.Peek("sys", history, new ChatMessage(ChatRole.User, "Who are you?"));

        Assert.Equal(1 + 12 + 1, peek.Count);
        Assert.Equal((0, 0), (compactions, summarizer.Calls));
        await conversation.ForAsync("sys", history, CancellationToken.None, new ChatMessage(ChatRole.User, "patient 7"));
        Assert.Equal((1, 1), (compactions, summarizer.Calls));   // the turn itself still compacts
    }

    [Fact]
    public async Task ForAsync_CompactingInASession_SendsTheSummaryRolesSeedForTheTurn()
    {
        var summarizer = new CountingClient();
        var conversation = new Conversation(
            x => [new ChatMessage(ChatRole.User, x.Patient), new ChatMessage(ChatRole.Assistant, x.Therapist)],
            "for the therapist",
            new ContextBudget(100, TokenCounter.Estimate, summarizer, _ => { })) { SummaryRole = "therapist.summary" };
        var context = new SessionContext(new Persona(), new Protocol(), "professional", 7, 7, 20, new Persona().InitialState(), [], []);

        await conversation.ForAsync("sys", History(6), context, CancellationToken.None, new ChatMessage(ChatRole.User, "patient 7"));

        Assert.Equal(1, summarizer.Calls);
        Assert.Equal(AgentOptions.For(context, "therapist.summary").Seed, summarizer.LastOptions?.Seed);
        Assert.NotEqual(AgentOptions.For(context, "therapist").Seed, summarizer.LastOptions?.Seed);
        Assert.NotNull(summarizer.LastOptions?.MaxOutputTokens);
    }

    private sealed class CountingClient : IChatClient
    {
        public int Calls { get; private set; }

        public ChatOptions? LastOptions { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            LastOptions = options;
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "a short summary")));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
