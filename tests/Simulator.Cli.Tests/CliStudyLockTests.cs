using Simulator.Tests.Shared;

namespace Simulator.Cli.Tests;

/// <summary>Two processes in one study folder: the second is refused at once (exit 2, naming the first's process), the first completes.</summary>
public class CliStudyLockTests
{
    [Fact]
    public async Task TwoConcurrentResumesOfOneFolder_OneExits2NamingTheOther_TheOtherCompletes_SummaryRight()
    {
        var cwd = RepoPaths.TempFolder("cli-study-lock");
        var file = Path.Combine(cwd, "lock.yaml");
        await File.WriteAllTextAsync(file, """
            name: lock
            personas: [persecutory-delusion, depression-suicidal]
            therapists: ["scripted:faithful", "scripted:sycophantic"]
            seeds: [1]
            turns: 600
            concurrency: 2
            """);
        var folder = Path.Combine(cwd, "runs", "lock");

        using var first = CliRunner.Start(cwd, "study", file, "--resume");
        var pid = Path.Combine(folder, "study.pid");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!File.Exists(pid) || (await File.ReadAllTextAsync(pid)).Trim() != first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1) && !first.HasExited, "the first study did not take its folder");
            await Task.Delay(20);
        }

        var second = await CliRunner.RunAsync(cwd, "study", file, "--resume");
        var done = await CliRunner.CollectAsync(first);

        Assert.Equal(2, second.ExitCode);
        Assert.Contains($"in use by process {first.Id}", second.Stderr, StringComparison.Ordinal);
        Assert.True(done.ExitCode == 0, done.Stderr);
        var rows = (await File.ReadAllLinesAsync(Path.Combine(folder, "summary.csv"))).Skip(1).ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Contains(",completed,600,", r, StringComparison.Ordinal));
        Assert.Equal(4, RunManifests.Completed(folder));
    }
}
