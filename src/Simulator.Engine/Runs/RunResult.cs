namespace Simulator.Engine.Runs;

/// <summary>What <c>run --json</c> prints: the run, where it is, how far it got, and its content hash.</summary>
public sealed record RunResult(
    string RunId,
    string Path,
    int Turns,
    string ContentHash,
    string Status,
    string EndReason,
    string? Error);
