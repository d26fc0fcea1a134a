using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.ML.Tokenizers;

namespace Simulator.Models.Context;

/// <summary>
/// Counts tokens the way a model's tokenizer does where it is known (o200k_base, through
/// Microsoft.ML.Tokenizers), else estimates four characters a token. Counts of chat messages are
/// cached per message, so a long history is never recounted.
/// </summary>
public sealed class TokenCounter
{
    private static readonly Lazy<Tokenizer> O200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));
    private static readonly string[] O200kModels = ["gpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "o1", "o3", "o4", "chatgpt-4o", "gpt-oss"];

    private readonly Tokenizer? _tokenizer;
    private readonly ConditionalWeakTable<ChatMessage, StrongBox<int>> _messages = new();
    private readonly ConditionalWeakTable<ChatMessage, StrongBox<int>>.CreateValueCallback _count;

    private TokenCounter(string name, Tokenizer? tokenizer)
    {
        Name = name;
        _tokenizer = tokenizer;
        _count = m => new StrongBox<int>(Count(m.Text) + 4);   // made once: a lookup per message of every request should not allocate
    }

    /// <summary>Four characters a token, for models whose tokenizer is unknown.</summary>
    public static TokenCounter Estimate { get; } = new("estimate", null);

    /// <summary>The tokenizer name, or <c>estimate</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// The counter for <paramref name="model"/>: <paramref name="tokenizer"/> when named (<c>o200k_base</c> or
    /// <c>estimate</c>), else o200k_base for OpenAI's current model families, else the estimate.
    /// </summary>
    public static TokenCounter For(string model, string? tokenizer)
    {
        var name = tokenizer ?? (O200kModels.Any(prefix => model.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) ? "o200k_base" : "estimate");
        return name switch
        {
            "o200k_base" => new TokenCounter(name, O200k.Value),
            "estimate" => Estimate,
            _ => throw new Core.Validation.InvalidInputException($"unknown tokenizer '{name}' (known: o200k_base, estimate)", field: "Tokenizer"),
        };
    }

    /// <summary>Tokens in <paramref name="text"/>.</summary>
    public int Count(string text) => _tokenizer?.CountTokens(text) ?? ((text.Length + 3) / 4);

    /// <summary>Tokens of a message as sent: its text plus four for the message's framing.</summary>
    public int Count(ChatMessage message) => _messages.GetValue(message, _count).Value;

    /// <summary>Tokens of a request's messages.</summary>
    public int Count(IEnumerable<ChatMessage> messages) => messages.Sum(Count);
}
