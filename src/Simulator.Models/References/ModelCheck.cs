using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Simulator.Models.Recording;

namespace Simulator.Models.References;

/// <summary>
/// What <c>simulator models check</c> found: whether the model answers, how fast, and whether it
/// honours a seed (the same seeded request twice gives the same text) and JSON output.
/// </summary>
public sealed record ModelCheck(string Model, bool Reachable, double? LatencyMs, bool? SeedHonoured, bool? JsonHonoured, long PromptTokens, long CompletionTokens, int FailedAttempts, string? Error)
{
    private static readonly ChatMessage[] Plain =
    [
        new(ChatRole.System, "You are a helpful assistant."),
        new(ChatRole.User, "In one short sentence, name a colour and a fruit of that colour."),
    ];

    private static readonly ChatMessage[] Json =
    [
        new(ChatRole.System, "You answer with a JSON object only."),
        new(ChatRole.User, "Return a JSON object with the keys \"colour\" and \"fruit\"."),
    ];

    /// <summary>Runs the three probe calls on <paramref name="model"/>; faults are counted, not thrown.</summary>
    public static async Task<ModelCheck> RunAsync(RoleModel model, CancellationToken cancellationToken)
    {
        var calls = new List<ModelCallRecord>();
        using var client = model.Open(calls.Add);
        var reference = model.Reference.ToString();
        try
        {
            var watch = Stopwatch.StartNew();
            var first = await client.GetResponseAsync(Plain, new ChatOptions { Seed = 12345, Temperature = 1f }, cancellationToken).ConfigureAwait(false);
            var latency = watch.Elapsed.TotalMilliseconds;
            var second = await client.GetResponseAsync(Plain, new ChatOptions { Seed = 12345, Temperature = 1f }, cancellationToken).ConfigureAwait(false);
            bool json;
            try
            {
                var structured = await client.GetResponseAsync(Json, new ChatOptions { ResponseFormat = ChatResponseFormat.Json, Seed = 1 }, cancellationToken).ConfigureAwait(false);
                using var _ = JsonDocument.Parse(structured.Text);
                json = true;
            }
            catch (Exception ex) when (ex is Resilience.ModelCallFailedException or JsonException)
            {
                json = false;
            }

            return new ModelCheck(reference, true, latency, first.Text == second.Text, json, calls.Sum(c => c.PromptTokens), calls.Sum(c => c.CompletionTokens), calls.Count(c => c.Error is not null), null);
        }
        catch (Resilience.ModelCallFailedException ex)
        {
            return new ModelCheck(reference, false, null, null, null, 0, 0, calls.Count(c => c.Error is not null), ex.Message);
        }
    }
}
