using Microsoft.Extensions.AI;
using Simulator.Models.Context;

namespace Simulator.Agents.Sessions;

/// <summary>
/// How long an agent's prompt may grow: past <paramref name="Tokens"/> the oldest turns are folded
/// into a rolling summary written by <paramref name="Summarizer"/> (the agent's own model), until
/// the prompt is back under half the budget. Each compaction is reported to <paramref name="Compacted"/>.
/// </summary>
public sealed record ContextBudget(int Tokens, TokenCounter Counter, IChatClient Summarizer, Action<Compaction> Compacted);

/// <summary>One compaction: the history before turn <paramref name="FromTurn"/> is now <paramref name="Summary"/>.</summary>
public sealed record Compaction(int FromTurn, string Summary, int TokensBefore, int TokensAfter);
