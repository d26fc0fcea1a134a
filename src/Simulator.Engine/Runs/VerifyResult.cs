namespace Simulator.Engine.Runs;

/// <summary>
/// What <c>replay --verify</c> found: whether re-executing the run with its recorded configuration
/// and seeds gave the same content, and if not, the first turn that differs (0: the opening).
/// </summary>
public sealed record VerifyResult(string RunId, bool Identical, int? FirstDivergentTurn, int Turns, int ReexecutedTurns, string ContentHash, string ReexecutedContentHash);
