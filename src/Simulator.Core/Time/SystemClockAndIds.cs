#pragma warning disable RS0030 // The one place allowed to read the wall clock and mint random ids.
using System.Security.Cryptography;

namespace Simulator.Core.Time;

/// <summary>
/// The one clock-and-ids service: everything else receives a <see cref="TimeProvider"/> and an
/// <see cref="IIdGenerator"/> by injection, so tests and replays can pin time and ids.
/// </summary>
public static class SystemClockAndIds
{
    /// <summary>The wall clock.</summary>
    public static TimeProvider Clock => TimeProvider.System;

    /// <summary>Ids from a cryptographic random source.</summary>
    public static IIdGenerator Ids { get; } = new RandomIdGenerator();

    private sealed class RandomIdGenerator : IIdGenerator
    {
        public string NewId(int hexLength)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(hexLength, 4);
            return Convert.ToHexStringLower(RandomNumberGenerator.GetBytes((hexLength + 1) / 2))[..hexLength];
        }
    }
}
