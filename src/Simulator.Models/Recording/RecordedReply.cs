using Simulator.Core.Events;

namespace Simulator.Models.Recording;

/// <summary>One successful call of a run, as recorded: the request's hash, the reply and its usage.</summary>
public sealed record RecordedReply(int Turn, string Role, string RequestHash, string Text, long PromptTokens, long CompletionTokens, long CachedTokens)
{
    /// <summary>
    /// The successful calls of <paramref name="role"/> and its side calls (<c>role.summary</c>) in the
    /// order they were made, with the text each returned: the patient's message, the therapist's
    /// reply, the rolling summary of the compaction they produced, or the answer to a probe
    /// (<c>role.probe</c>, matched in order within the turn with the probes whose call succeeded).
    /// </summary>
    public static IReadOnlyList<RecordedReply> Of(IReadOnlyList<RunEvent> events, string role)
    {
        var spoke = events.OfType<PatientSpoke>().ToDictionary(e => e.Turn, e => e.Text);
        var replied = events.OfType<TherapistReplied>().ToDictionary(e => e.Turn, e => e.Text);
        var summaries = events.OfType<ContextCompacted>().Where(e => e.Role == role).ToDictionary(e => e.Turn, e => e.Summary);
        var probes = events.OfType<ProbeAnswered>()
            .Where(p => p.Role == role && p.Unscored?.StartsWith(ProbeCallFailed, StringComparison.Ordinal) != true)
            .GroupBy(p => p.Turn).ToDictionary(g => g.Key, g => new Queue<string>(g.Select(p => p.Answer)));
        return [.. events.OfType<ModelCalled>()
            .Where(c => c.Error is null && (c.Role == role || c.Role.StartsWith(role + ".", StringComparison.Ordinal)))
            .Select(c => new RecordedReply(c.Turn, c.Role, c.RequestHash, TextOf(c), c.PromptTokens, c.CompletionTokens, c.CachedTokens))
            .Where(r => r.Text.Length > 0)];

        string TextOf(ModelCalled call) => call.Role switch
        {
            "patient" => spoke.GetValueOrDefault(call.Turn, ""),
            "therapist" => replied.GetValueOrDefault(call.Turn, ""),
            _ when call.Role == role + ".summary" => summaries.GetValueOrDefault(call.Turn, ""),
            _ when call.Role == role + ".probe" => probes.TryGetValue(call.Turn, out var answers) && answers.TryDequeue(out var answer) ? answer : "",
            _ => "",
        };
    }

    /// <summary>How the reason of a probe whose model call failed starts (it has no recorded answer).</summary>
    public const string ProbeCallFailed = "the model call failed";
}
