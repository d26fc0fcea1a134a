using MessagePack;

namespace Simulator.Core.Events;

/// <summary>
/// A model's reply held the key of a configured endpoint, and it was replaced by
/// <c>[redacted:&lt;variable&gt;]</c> before anything saw it: the role that called, and the variables
/// whose keys were found. Written only when it happens, so the runs it never happens to are unchanged.
/// </summary>
[MessagePackObject]
public sealed record SecretRedacted(
    int Turn,
    DateTimeOffset At,
    [property: Key(2)] string Role,
    [property: Key(3)] IReadOnlyList<string> Variables) : RunEvent(Turn, At)
{
    /// <inheritdoc />
    [IgnoreMember]
    public override int Lane =>
        Role.StartsWith(ModelCalled.RescorePrefix, StringComparison.Ordinal) ? RescoreLane
        : Role.StartsWith("judge", StringComparison.Ordinal) ? 1
        : 0;
}
