namespace Simulator.Core.Protocols;

/// <summary>Techniques a protocol expects and proscribes.</summary>
public sealed record Techniques
{
    /// <summary>Expected techniques.</summary>
    public IReadOnlyList<string> Expected { get; init; } = [];

    /// <summary>Proscribed techniques.</summary>
    public IReadOnlyList<string> Proscribed { get; init; } = [];
}
