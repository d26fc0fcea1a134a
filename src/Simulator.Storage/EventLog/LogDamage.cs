using System.Globalization;

namespace Simulator.Storage.EventLog;

/// <summary>
/// A damaged stretch of an event log that valid frames follow (damage that runs to the end of the
/// file is a torn tail instead): the bytes that do not read as frames, why, the frames after them
/// that check but cannot be decoded (they continue the compression chain of a lost frame), and the
/// turns the readable frames after the damage hold.
/// </summary>
/// <param name="Start">The first damaged byte (the start of the frame that does not check or decode).</param>
/// <param name="End">The byte after the damage: where a readable frame starts again, or the end of the file.</param>
/// <param name="Reason">What is wrong with the frame at <paramref name="Start"/>.</param>
/// <param name="UnreadableFrames">Frames that check (length and CRC) but cannot be decoded, counted in the range.</param>
/// <param name="Recovered">True when only the frame's length field was damaged and its payload was read whole: no event was lost.</param>
public sealed record LogDamage(long Start, long End, string Reason, int UnreadableFrames, bool Recovered)
{
    /// <summary>The first and last turn the readable frames after this damage hold; null when none does.</summary>
    public (int First, int Last)? TurnsAfter { get; init; }

    /// <summary>One line for people: the byte range, why, and what follows it.</summary>
    public string Describe()
    {
        var range = string.Create(CultureInfo.InvariantCulture, $"bytes {Start}..{End - 1}");
        if (Recovered)
        {
            return $"{range}: {Reason}; the frame's payload checks with the length where the next frame starts, so it was read whole";
        }

        var unreadable = UnreadableFrames == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $", then {UnreadableFrames} {(UnreadableFrames == 1 ? "frame" : "frames")} that check but continue the damaged frame's compression chain and cannot be read");
        var after = TurnsAfter is { } t ? string.Create(CultureInfo.InvariantCulture, $"; turns {t.First}..{t.Last} follow in readable frames") : "; no readable turn follows";
        return $"{range} are damaged ({Reason}{unreadable}){after}";
    }
}
