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

        if (options?.ResponseFormat is ChatResponseFormatJson json)
        {
            CheckStructured(text, json.Schema);
        }
    }

    private static void CheckStructured(string text, JsonElement? schema)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(StripFence(text));
        }
        catch (JsonException)
        {
            throw new ModelFaultException(ModelFaultKind.NotJson, $"a structured call's reply is not JSON: {Clip(text)}");
        }

        using (document)
        {
            if (schema is { } s && JsonSchemaCheck.FirstViolation(document.RootElement, s) is { } violation)
            {
                throw new ModelFaultException(ModelFaultKind.NotJson, $"a structured call's reply does not fit its schema ({violation})");
            }
        }
    }

    /// <summary>The JSON of a structured reply, without the Markdown code fence some models wrap it in.</summary>
    public static string StripFence(string text)
    {
        var t = text.Trim();
        if (!t.StartsWith("```", StringComparison.Ordinal))
        {
            return t;
        }

        var start = t.IndexOf('\n', StringComparison.Ordinal);
        var end = t.LastIndexOf("```", StringComparison.Ordinal);
        return start < 0 || end <= start ? t : t[(start + 1)..end].Trim();
    }

    private static string Clip(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 120 ? line[..120] + "…" : line;
    }
}
