using System.Globalization;
using Simulator.Core.Studies;
using Simulator.Engine.Costs;

namespace Simulator.Cli.Commands;

/// <summary>What <c>study --estimate</c> prints: per role the calls, tokens and cost, the total, and what was assumed.</summary>
internal static class StudyEstimateOutput
{
    public static int Write(string study, IReadOnlyList<StudyJob> jobs, RunCost cost, EstimateAssumptions a, bool json)
    {
        var turns = jobs.Sum(j => (long)j.Configuration.TotalTurns);
        var assumed = string.Create(CultureInfo.InvariantCulture,
            $"{a.TokensPerTurn} tokens a turn (--tokens-per-turn), system prompts {a.SystemTokens}, appraisal prompt {a.AppraisalTokens} + the turn and {a.AppraisalReplyTokens} out, judges {a.RubricTokens} of rubric + the last {a.JudgeWindow} turns and {a.JudgeReplyTokens} out; a conversation's prompt grows each turn up to the role's context budget, the previous call's prompt counted as cached; scripted models call nothing; rolling summaries, retries and probes not counted");
        if (json)
        {
            JsonOutput.Write(new
            {
                study,
                estimate = true,
                runs = jobs.Count,
                turns,
                calls = cost.Lines.Sum(l => (long)l.Calls),
                promptTokens = cost.Lines.Sum(l => l.PromptTokens),
                cachedTokens = cost.Lines.Sum(l => l.CachedTokens),
                completionTokens = cost.Lines.Sum(l => l.CompletionTokens),
                cost = CostOutput.Json(cost),
                assumptions = assumed,
            });
            return ExitCodes.Success;
        }

        var o = Console.Out;
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(inv, $"Estimate for study {study}: {jobs.Count:N0} runs, {turns:N0} turns (nothing was run, no model was called)"));
        if (cost.Lines.Count == 0)
        {
            o.WriteLine("  no model calls: every role is played by a scripted model (offline, free)");
            return ExitCodes.Success;
        }

        var modelWidth = Math.Max(5, cost.Lines.Max(l => l.Model.Length));
        o.WriteLine($"  {"role",-10} {"model".PadRight(modelWidth)} {"calls",9} {"tokens in",14} {"(cached)",14} {"tokens out",12}  cost");
        foreach (var l in cost.Lines)
        {
            o.WriteLine(string.Create(inv, $"  {l.Role,-10} {l.Model.PadRight(modelWidth)} {l.Calls,9:N0} {l.PromptTokens,14:N0} {l.CachedTokens,14:N0} {l.CompletionTokens,12:N0}  {(l.Cost is { } c ? RunCost.Money(c, cost.Currency) : "no price configured")}"));
        }

        o.WriteLine(string.Create(inv, $"  {"total",-10} {"".PadRight(modelWidth)} {cost.Lines.Sum(l => (long)l.Calls),9:N0} {cost.Lines.Sum(l => l.PromptTokens),14:N0} {cost.Lines.Sum(l => l.CachedTokens),14:N0} {cost.Lines.Sum(l => l.CompletionTokens),12:N0}  {cost.Describe()}"));
        o.WriteLine($"  assumed: {assumed}");
        return ExitCodes.Success;
    }
}
