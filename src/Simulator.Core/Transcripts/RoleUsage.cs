using Simulator.Core.Events;

namespace Simulator.Core.Transcripts;

/// <summary>
/// Model usage of one role in a run, from its ModelCalled events: calls that succeeded, attempts
/// that failed, prompt, completion and cached tokens, and total latency.
/// </summary>
public sealed record RoleUsage(string Role, string Model, int Calls, int FailedAttempts, long PromptTokens, long CompletionTokens, long CachedTokens, double LatencyMs)
{
    /// <summary>One row per role (and summary calls as their own role, e.g. <c>therapist.summary</c>), by role name.</summary>
    public static IReadOnlyList<RoleUsage> Of(IEnumerable<RunEvent> events) =>
        [.. events.OfType<ModelCalled>()
            .GroupBy(c => (c.Role, c.Model))
            .OrderBy(g => g.Key.Role, StringComparer.Ordinal)
            .Select(g => new RoleUsage(
                g.Key.Role,
                g.Key.Model,
                g.Count(c => c.Error is null),
                g.Count(c => c.Error is not null),
                g.Sum(c => c.PromptTokens),
                g.Sum(c => c.CompletionTokens),
                g.Sum(c => c.CachedTokens),
                g.Sum(c => c.LatencyMs)))];
}
