using Simulator.Core.Events;
using Simulator.Core.Runs;
using Simulator.Core.Studies;
using Simulator.Core.Validation;
using Simulator.Engine.Costs;
using Simulator.Models.Costs;
using Simulator.Models.Endpoints;

namespace Simulator.Engine.Tests.Studies;

public class CostTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RunCost_PricesEachModel_CachedTokensAtTheirPrice_AndAnUnpricedModelLeavesNoTotal()
    {
        var prices = new PriceTable(new ModelsOptions
        {
            Prices = [new ModelPrice { Model = "endpoint:local/*", Input = 2, CachedInput = 0.5, Output = 8 }, new ModelPrice { Model = "endpoint:local/big", Input = 10, Output = 30 }],
        });
        RunEvent[] events =
        [
            Call("therapist", "endpoint:local/small", 1_000_000, 400_000, 100_000),
            Call("judge.1", "endpoint:local/big", 100_000, 0, 10_000),
            Call("patient", "scripted:patient", 5_000, 0, 500),
        ];

        var cost = RunCost.Of(events, prices);

        Assert.Equal((600_000 * 2.0 + 400_000 * 0.5 + 100_000 * 8.0) / 1e6, cost.Lines.Single(l => l.Role == "therapist").Cost!.Value, 9);
        Assert.Equal((100_000 * 10.0 + 10_000 * 30.0) / 1e6, cost.Lines.Single(l => l.Role == "judge.1").Cost!.Value, 9);
        Assert.Equal(0, cost.Lines.Single(l => l.Role == "patient").Cost);
        Assert.Equal(cost.Priced, cost.Total);
        var unpriced = RunCost.Of([.. events, Call("therapist", "openai:gpt-x", 10, 0, 10)], prices);
        Assert.Null(unpriced.Total);
        Assert.Equal(["openai:gpt-x"], unpriced.Unpriced);
        Assert.StartsWith("no price configured for openai:gpt-x", unpriced.Describe(), StringComparison.Ordinal);
        Assert.Empty(RunCost.Of(events, prices, At.AddMinutes(1)).Lines);
    }

    [Fact]
    public void PriceTable_RefusesABadEntry_NamingItsField()
    {
        var refused = Assert.Throws<InvalidInputException>(() => new PriceTable(new ModelsOptions { Prices = [new ModelPrice { Model = "openai:x", Input = double.NaN, Output = 1 }] }));

        Assert.Equal("Models:Prices:0:Input", refused.Field);
        Assert.Throws<InvalidInputException>(() => new PriceTable(new ModelsOptions { Prices = [new ModelPrice { Model = "openai:x", Input = 1 }] }));
    }

    [Fact]
    public void Estimate_CountsEachRoleAModelPlays_PerTurn_AndGrowsThePromptUpToTheBudget()
    {
        var models = new ModelsOptions { Endpoints = { ["local"] = new EndpointOptions { BaseUrl = "http://127.0.0.1:9/v1", ContextTokens = 2_000 } } };
        var prices = new PriceTable(new ModelsOptions { Prices = [new ModelPrice { Model = "endpoint:local/*", Input = 1, Output = 1 }] });
        StudyJob[] jobs =
        [
            new("a", new RunConfiguration { Therapist = "endpoint:local/m", Turns = 10, Monitor = "judge:endpoint:local/j" }),
            new("b", new RunConfiguration { Therapist = "scripted:faithful", Turns = 10 }),
        ];

        var estimate = StudyEstimate.Of(jobs, models, prices, new EstimateAssumptions { TokensPerTurn = 300, SystemTokens = 1_000 });

        var therapist = estimate.Lines.Single(l => l.Role == "therapist");
        Assert.Equal(10, therapist.Calls);
        Assert.Equal(Enumerable.Range(1, 10).Sum(t => 1_000 + Math.Min(t * 300, 2_000)), therapist.PromptTokens);
        Assert.Equal(10, estimate.Lines.Single(l => l.Role == "judge.1").Calls);
        Assert.DoesNotContain(estimate.Lines, l => l.Model.StartsWith("scripted:", StringComparison.Ordinal));
        Assert.NotNull(estimate.Total);
        Assert.Throws<InvalidInputException>(() => StudyEstimate.Of([new("c", new RunConfiguration { Therapist = "endpoint:nowhere/m" })], models, prices, new EstimateAssumptions()));
    }

    private static ModelCalled Call(string role, string model, long prompt, long cached, long completion) =>
        new(1, At, role, model, "hash", prompt, completion, cached, 10, 1, null);
}
