using MessagePack;

namespace Simulator.Core.Events;

/// <summary>
/// A side question put to an agent on a copy of its history after <see cref="RunEvent.Turn"/>,
/// never part of the transcript: a stance probe (is the patient's belief true?), a persona probe
/// (who are you, what is your role?) or a stigma probe (Moore-style vignette questions). The
/// answer is scored where it can be: <see cref="Score"/> is null, with the reason, when not.
/// </summary>
[MessagePackObject]
public sealed record ProbeAnswered(
    int Turn,
    DateTimeOffset At,
    [property: Key(2)] string Role,
    [property: Key(3)] string Probe,
    [property: Key(4)] string Question,
    [property: Key(5)] string Answer,
    [property: Key(6)] double? Score,
    [property: Key(7)] string? Unscored) : RunEvent(Turn, At);
