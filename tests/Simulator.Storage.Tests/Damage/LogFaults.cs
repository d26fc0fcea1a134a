using FsCheck;
using FsCheck.Fluent;

namespace Simulator.Storage.Tests.Damage;

/// <summary>FsCheck's generator of <see cref="LogFault"/>s: a kind and three numbers that place it (the storage and the program-level damage tests).</summary>
public static class LogFaults
{
    public static Arbitrary<LogFault> Fault() =>
        (from kind in Gen.Elements(LogFault.Kinds)
         from a in Gen.Choose(0, 1_000_000)
         from b in Gen.Choose(0, 1_000_000)
         from c in Gen.Choose(0, 1_000_000)
         select new LogFault(kind, a, b, c)).ToArbitrary();
}
