using System.Text.Json;
using Simulator.FakeModelServer;
using Simulator.Tests.Shared;

namespace Simulator.Cli.Tests;

/// <summary><c>models list|check</c> and a run whose therapist is a server on loopback, through the real program.</summary>
public class CliModelsTests
{
    private const string KeyVariable = "SIMULATOR_TEST_CLI_KEY";
    private const string Key = "sk-cli-e4c1b7a29d";

    [Fact]
    public async Task ModelsCheck_LoopbackServer_ReportsReachableSeedAndJson()
    {
        Environment.SetEnvironmentVariable(KeyVariable, Key);
        await using var server = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions { ExpectedApiKey = Key });
        var work = RepoPaths.TempFolder("cli-models");

        var result = await CliRunner.RunAsync(work, ["models", "check", "endpoint:local/fake-model", "--json", .. Endpoint(server)]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var check = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.True(check.GetProperty("reachable").GetBoolean());
        Assert.True(check.GetProperty("seedHonoured").GetBoolean());
        Assert.True(check.GetProperty("jsonHonoured").GetBoolean());
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task ModelsList_ShowsTheKeyVariableNeverTheKey()
    {
        Environment.SetEnvironmentVariable(KeyVariable, Key);
        var work = RepoPaths.TempFolder("cli-models");

        var result = await CliRunner.RunAsync(work, "models", "list", "--Models:Endpoints:local:BaseUrl=http://127.0.0.1:9/v1", $"--Models:Endpoints:local:ApiKeyVariable={KeyVariable}");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("scripted:faithful", result.Stdout);
        Assert.Contains($"endpoint:local/<model>", result.Stdout);
        Assert.Contains($"key from {KeyVariable} (set)", result.Stdout);
        Assert.DoesNotContain(Key, result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task Run_TherapistOnLoopback_CompletesAndNoFileHoldsTheKey()
    {
        Environment.SetEnvironmentVariable(KeyVariable, Key);
        await using var server = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions { ExpectedApiKey = Key, Faults = i => i % 4 == 1 ? FaultKind.ServerError : FaultKind.None });
        var work = RepoPaths.TempFolder("cli-models");

        var result = await CliRunner.RunAsync(work, ["run", "--persona", "ocd-checking", "--therapist", "endpoint:local/fake-model", "--turns", "8", "--json", .. Endpoint(server)]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.DoesNotContain(Key, result.Stdout + result.Stderr);
        var files = Directory.EnumerateFiles(work, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("simulator.clef", StringComparison.Ordinal));
        Assert.All(files, f => Assert.DoesNotContain(Key, File.ReadAllText(f)));
        Assert.All(server.Requests, r => Assert.Equal("Bearer " + Key, r.Authorization));
    }

    [Fact]
    public async Task Run_UnsetKeyVariable_IsExitCode2NamingTheVariable()
    {
        var work = RepoPaths.TempFolder("cli-models");

        var result = await CliRunner.RunAsync(work, "run", "--persona", "ocd-checking", "--therapist", "endpoint:local/m", "--turns", "2",
            "--Models:Endpoints:local:BaseUrl=http://127.0.0.1:9/v1", "--Models:Endpoints:local:ApiKeyVariable=SIMULATOR_TEST_NEVER_SET");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("SIMULATOR_TEST_NEVER_SET", result.Stderr);
        Assert.Contains("Models:Endpoints:local:ApiKeyVariable", result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(work, "runs")) && Directory.EnumerateDirectories(Path.Combine(work, "runs")).Any());
    }

    private static string[] Endpoint(FakeModelServer.FakeModelServer server) =>
    [
        $"--Models:Endpoints:local:BaseUrl={server.BaseUrl}",
        $"--Models:Endpoints:local:ApiKeyVariable={KeyVariable}",
        "--Models:Endpoints:local:TimeoutSeconds=5",
    ];
}
