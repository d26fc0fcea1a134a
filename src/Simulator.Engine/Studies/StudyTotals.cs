using Simulator.Engine.Costs;

namespace Simulator.Engine.Studies;

/// <summary>
/// A study's totals read from its runs' logs: the whole study (every attempt) and this attempt alone
/// (the model calls made since it started), so a resumed study says both.
/// </summary>
/// <param name="Turns">Turns completed in the study's runs, every attempt's.</param>
/// <param name="Tokens">Tokens (prompt and completion) of every model call in the study's runs.</param>
/// <param name="Alerts">Alerts raised in the study's runs.</param>
/// <param name="Cost">What every model call of the study cost.</param>
/// <param name="AttemptTokens">Tokens of the calls this attempt made.</param>
/// <param name="AttemptCost">What this attempt's calls cost.</param>
public sealed record StudyTotals(long Turns, long Tokens, long Alerts, RunCost Cost, long AttemptTokens, RunCost AttemptCost);
