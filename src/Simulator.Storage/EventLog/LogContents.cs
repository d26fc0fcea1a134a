using Simulator.Core.Events;

namespace Simulator.Storage.EventLog;

/// <summary>
/// The events of a log, the length of its readable prefix (where an append goes), and whether a
/// torn tail (damage running to the end of the file) was dropped. A log read with salvage also
/// lists its mid-file <see cref="Damage"/>; a strict read refuses such a log instead.
/// </summary>
public sealed record LogContents(IReadOnlyList<RunEvent> Events, long ValidLength, bool TornTail)
{
    /// <summary>True for a log of self-contained frames (<see cref="LogFormat.Header"/>), which is appended to in kind.</summary>
    public bool SelfContainedFrames { get; init; }

    /// <summary>Damaged stretches that readable frames follow, in file order (empty for a sound log).</summary>
    public IReadOnlyList<LogDamage> Damage { get; init; } = [];

    /// <summary>The length of the file read.</summary>
    public long Length { get; init; }

    /// <summary>The bytes of a torn tail (0 when there is none).</summary>
    public long TornBytes => TornTail ? Length - ValidLength : 0;

    /// <summary>True when some damage lost events (damage whose frame was recovered whole loses none).</summary>
    public bool LostEvents => Damage.Any(d => !d.Recovered);
}
