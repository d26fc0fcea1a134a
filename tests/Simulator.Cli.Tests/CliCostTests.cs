using System.Globalization;
using System.Text.Json;
using Simulator.FakeModelServer;
using Simulator.Tests.Shared;

namespace Simulator.Cli.Tests;

/// <summary>What a study costs: estimated before it runs from the price table, totalled after from its runs' calls, never a 0 for a model with no price.</summary>
public class CliCostTests
{
    private const string KeyVariable = "SIMULATOR_TEST_COST_KEY";
    private const string Key = "sk-cost-5d0c7e";

    private const string Study = """
        name: priced
        personas: [ocd-checking]
        therapists: ["endpoint:local/fake-model", "scripted:faithful"]
        seeds: [1, 2]
        turns: 6
        """;

    private static readonly string[] Prices =
    [
        "--Models:Prices:0:Model=endpoint:local/*", "--Models:Prices:0:Input=2", "--Models:Prices:0:CachedInput=0.5", "--Models:Prices:0:Output=8",
    ];

    [Fact]
    public async Task Estimate_PricedEndpoint_PrintsCallsTokensAndCost_WithoutRunning_AndTheStudysCostIsTheSumOverItsRuns()
    {
        Environment.SetEnvironmentVariable(KeyVariable, Key);
        await using var server = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions { ExpectedApiKey = Key });
        var work = RepoPaths.TempFolder("cli-cost");
        await File.WriteAllTextAsync(Path.Combine(work, "priced.yaml"), Study);

        var estimate = await JsonAsync(work, ["study", "priced.yaml", "--estimate", "--json", .. Endpoint(server), .. Prices]);
        Assert.Equal(12, estimate.GetProperty("calls").GetInt64());
        Assert.True(estimate.GetProperty("cost").GetProperty("total").GetDouble() > 0);
        Assert.Equal(0, server.RequestCount);
        Assert.False(Directory.Exists(Path.Combine(work, "runs")), "an estimate runs nothing");
        var text = await CliRunner.RunAsync(work, ["study", "priced.yaml", "--estimate", .. Endpoint(server), .. Prices]);
        Assert.Contains("therapist", text.Stdout);
        Assert.Contains(" USD", text.Stdout);

        var study = await JsonAsync(work, ["study", "priced.yaml", "--out", "out", "--json", .. Endpoint(server), .. Prices]);
        var total = study.GetProperty("wholeStudy").GetProperty("cost").GetProperty("total").GetDouble();
        Assert.True(total > 0);
        Assert.Equal(total, study.GetProperty("thisAttempt").GetProperty("cost").GetProperty("total").GetDouble(), 9);
        var sum = 0.0;
        foreach (var id in JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(work, "out", "study.json"))).RootElement.GetProperty("runIds").EnumerateArray())
        {
            sum += (await JsonAsync(work, ["runs", "show", Path.Combine(work, "out", id.GetString()!), "--json", .. Prices])).GetProperty("cost").GetProperty("total").GetDouble();
        }

        Assert.Equal(total, sum, total * 1e-4);
        var summary = (await File.ReadAllLinesAsync(Path.Combine(work, "out", "summary.csv"))).Select(l => l.Split(',')).ToList();
        var column = Array.IndexOf(summary[0], "cost");
        Assert.Equal(total, summary.Skip(1).Sum(r => double.Parse(r[column], CultureInfo.InvariantCulture)), total * 1e-4);

        // A resumed study that had nothing left to run spent nothing this attempt, and the whole study still costs the same.
        var again = await JsonAsync(work, ["study", "priced.yaml", "--out", "out", "--resume", "--json", .. Endpoint(server), .. Prices]);
        Assert.Equal(0, again.GetProperty("thisAttempt").GetProperty("cost").GetProperty("total").GetDouble());
        Assert.Equal(total, again.GetProperty("wholeStudy").GetProperty("cost").GetProperty("total").GetDouble(), total * 1e-4);
    }

    [Fact]
    public async Task NoPrice_SaysSo_NeverZero()
    {
        Environment.SetEnvironmentVariable(KeyVariable, Key);
        await using var server = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions { ExpectedApiKey = Key });
        var work = RepoPaths.TempFolder("cli-cost");
        await File.WriteAllTextAsync(Path.Combine(work, "priced.yaml"), Study);

        var estimate = await CliRunner.RunAsync(work, ["study", "priced.yaml", "--estimate", .. Endpoint(server)]);
        Assert.Contains("no price configured for endpoint:local/fake-model", estimate.Stdout);
        var run = await JsonAsync(work, ["run", "--persona", "ocd-checking", "--therapist", "endpoint:local/fake-model", "--turns", "3", "--json", .. Endpoint(server)]);
        Assert.Equal(JsonValueKind.Null, run.GetProperty("cost").GetProperty("total").ValueKind);
        var show = await CliRunner.RunAsync(work, ["runs", "show", run.GetProperty("path").GetString()!, .. Endpoint(server)]);
        Assert.Contains("cost       no price configured for endpoint:local/fake-model", show.Stdout);

        var bad = await CliRunner.RunAsync(work, ["study", "priced.yaml", "--estimate", "--Models:Prices:0:Model=endpoint:local/*", "--Models:Prices:0:Input=-1", "--Models:Prices:0:Output=1", .. Endpoint(server)]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("Models:Prices:0:Input", bad.Stderr);
    }

    private static async Task<JsonElement> JsonAsync(string cwd, string[] args)
    {
        var r = await CliRunner.RunAsync(cwd, args);
        Assert.True(r.ExitCode == 0, $"{string.Join(' ', args)}: exit {r.ExitCode}\n{r.Stderr}");
        return JsonDocument.Parse(r.Stdout).RootElement.Clone();
    }

    private static string[] Endpoint(FakeModelServer.FakeModelServer server) =>
    [
        $"--Models:Endpoints:local:BaseUrl={server.BaseUrl}",
        $"--Models:Endpoints:local:ApiKeyVariable={KeyVariable}",
        "--Models:Endpoints:local:TimeoutSeconds=5",
    ];
}
