using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Simulator.Models.Resilience;

/// <summary>A reply that arrived but cannot be used is a fault too: a refusal, no text, cut off, or not the JSON asked for.</summary>
public static class ReplyCheck
{
    /// <summary>Throws <see cref="ModelFaultException"/> for an unusable <paramref name="response"/> to a request with <paramref name="options"/>.</summary>
    public static void Validate(ChatResponse response, ChatOptions? options)
    {
        var refusal = (response.RawRepresentation as OpenAI.Chat.ChatCompletion)?.Refusal
            ?? response.Messages.SelectMany(m => m.Contents).OfType<ErrorContent>().FirstOrDefault(e => e.ErrorCode == "Refusal")?.Message;
        if (!string.IsNullOrWhiteSpace(refusal))
        {
            throw new ModelFaultException(ModelFaultKind.Refusal, $"the model refused: {Clip(refusal)}");
        }

        var text = response.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ModelFaultException(ModelFaultKind.Empty, "the reply has no text");
        }

        if (response.FinishReason == ChatFinishReason.Length)
        {
            throw new ModelFaultException(ModelFaultKind.CutOff, $"the reply was cut off at the token cap after {response.Usage?.OutputTokenCount ?? 0} tokens");
        }

        if (options?.ResponseFormat is ChatResponseFormatJson && !IsJson(text))
        {
            throw new ModelFaultException(ModelFaultKind.NotJson, $"a structured call's reply is not JSON: {Clip(text)}");
        }
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text.Trim());
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Clip(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 120 ? line[..120] + "…" : line;
    }
}
