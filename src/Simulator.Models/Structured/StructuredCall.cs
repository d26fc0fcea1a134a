using System.Text.Json;
using Microsoft.Extensions.AI;
using Simulator.Models.Resilience;

namespace Simulator.Models.Structured;

/// <summary>
/// A call whose reply must be JSON of a given schema (appraisals, verdicts, probe answers). The
/// schema goes over the wire as the response format; a reply that is not that JSON is a fault the
/// role's pipeline retries like any other, so what comes back here is usable.
/// </summary>
public static class StructuredCall
{
    /// <summary>Asks <paramref name="client"/> and returns the reply's JSON, checked against <paramref name="schema"/>.</summary>
    public static async Task<JsonElement> GetAsync(IChatClient client, IReadOnlyList<ChatMessage> messages, string schemaName, JsonElement schema, CancellationToken cancellationToken)
    {
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, schemaName) };
        var response = await client.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);

        // Real endpoints were checked in the pipeline; this also holds the built-in models to the schema.
        ReplyCheck.Validate(response, options);
        using var document = JsonDocument.Parse(ReplyCheck.StripFence(response.Text));
        return document.RootElement.Clone();
    }

    /// <summary>Parses a schema written as JSON text.</summary>
    public static JsonElement Schema(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
