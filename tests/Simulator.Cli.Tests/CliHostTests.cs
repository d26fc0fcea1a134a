using Simulator.Tests.Shared;

namespace Simulator.Cli.Tests;

/// <summary>The command line is parsed before the host is built: a broken configuration never hides help, and the console's log level is an option.</summary>
public class CliHostTests
{
    [Fact]
    public async Task Help_BrokenAppSettings_PrintsUsageAndExits0()
    {
        var cwd = RepoPaths.TempFolder("cli-host");
        await File.WriteAllTextAsync(Path.Combine(cwd, "appsettings.json"), "{ \"Simulator\": { broken");

        var root = await CliRunner.RunAsync(cwd, "--help");
        var run = await CliRunner.RunAsync(cwd, "run", "--help");

        Assert.Equal(0, root.ExitCode);
        Assert.Contains("Commands:", root.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--persona", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_BrokenAppSettings_Exit2NamingTheConfiguration()
    {
        var cwd = RepoPaths.TempFolder("cli-host");
        await File.WriteAllTextAsync(Path.Combine(cwd, "appsettings.json"), "{ \"Simulator\": { broken");

        var result = await CliRunner.RunAsync(cwd, "personas", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: configuration:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LogLevelWarning_NoInformationLines_ByDefaultSome()
    {
        var cwd = RepoPaths.TempFolder("cli-host");
        string[] run = ["run", "--persona", "special-bond", "--therapist", "scripted:sycophantic", "--turns", "2", "--out", "runs"];

        var quiet = await CliRunner.RunAsync(cwd, [.. run, "--log-level", "Warning"]);
        var usual = await CliRunner.RunAsync(cwd, run);

        Assert.Equal(0, quiet.ExitCode);
        Assert.DoesNotContain("[INF]", quiet.Stderr, StringComparison.Ordinal);
        Assert.Contains("[INF]", usual.Stderr, StringComparison.Ordinal);
    }
}
