using FsCheck;
using FsCheck.Xunit;
using Simulator.Tests.Shared;
using Xunit.Abstractions;

namespace Simulator.Storage.Tests.Damage;

/// <summary>
/// Property-based fault injection (200 random faults, and 12 of each kind) on a 300-turn log of several chains: any damage (truncation, bit
/// flips, deleted, duplicated and reordered frames, a changed length field, zeroed stretches) loses no
/// turn completed before it, mid-file damage is found and its intact tail read back, and nothing on
/// disk is rewritten or cut without a backup (<see cref="DamageCheck"/>). The bench runs the same check at length.
/// </summary>
public class LogDamageProperties(ITestOutputHelper output)
{
    private static readonly string Scratch = RepoPaths.TempFolder("damage-properties");

    [Property(MaxTest = 200, Arbitrary = [typeof(LogFaults)])]
    public void AnyDamage_NoCompletedTurnBeforeItIsLost_NothingRewrittenWithoutABackup(LogFault fault)
    {
        var outcome = DamageCheck.Check(fault, Scratch);
        output.WriteLine($"{fault}: {outcome}");
    }

    [Fact]
    public void EveryKindOfDamage_IsExercised_AndMidFileDamageIsFoundNotDropped()
    {
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var random = new Core.Randomness.SeededRandom(20261207);
        foreach (var kind in LogFault.Kinds)
        {
            for (var i = 0; i < 12; i++)
            {
                var outcome = DamageCheck.Check(new LogFault(kind, random.Next(1_000_000), random.Next(1_000_000), random.Next(1_000_000)), Scratch);
                outcomes[$"{kind}: {outcome}"] = outcomes.GetValueOrDefault($"{kind}: {outcome}") + 1;
            }
        }

        output.WriteLine(string.Join("\n", outcomes.Select(o => $"{o.Value,4}  {o.Key}")));
        Assert.Contains(outcomes.Keys, o => o.StartsWith("flip: refused: damage", StringComparison.Ordinal));
        Assert.Contains("length: refused: damage, every event readable", outcomes.Keys);
        Assert.Contains(outcomes.Keys, o => o.StartsWith("truncate: accepted, torn tail dropped", StringComparison.Ordinal));
    }
}
