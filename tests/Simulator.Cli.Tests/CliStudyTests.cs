using System.Text.Json;
using Simulator.Tests.Shared;

namespace Simulator.Cli.Tests;

/// <summary><c>simulator study</c> as users run it: the design's minimal study, killed halfway and resumed.</summary>
public class CliStudyTests
{
    [Fact]
    public async Task MinimalStudy_KilledHalfway_ThenResumed_EndsWithExactlyEightCompleteRuns_AndAnEightRowSummary()
    {
        var cwd = RepoPaths.TempFolder("cli-study");
        var file = Path.Combine(cwd, "demo.yaml");
        await File.WriteAllTextAsync(file, """
            name: demo
            personas: [persecutory-delusion, depression-suicidal]
            therapists: ["scripted:faithful", "scripted:sycophantic"]
            seeds: [1, 2]
            turns: 300
            """);
        var folder = Path.Combine(cwd, "runs", "demo");

        using (var process = CliRunner.Start(cwd, "study", file))
        {
            // Halfway: some runs complete, others under way.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (RunManifests.Completed(folder) < 3)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2) && !process.HasExited, "the study did not get halfway");
                await Task.Delay(20);
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var killedWith = RunManifests.Completed(folder);
        Assert.InRange(killedWith, 3, 7);

        var again = await CliRunner.RunAsync(cwd, "study", file);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--resume", again.Stderr, StringComparison.Ordinal);

        var resumed = await CliRunner.RunAsync(cwd, "study", file, "--resume", "--json");
        Assert.True(resumed.ExitCode == 0, $"exit {resumed.ExitCode}: {resumed.Stderr}{resumed.Stdout}");
        var json = JsonDocument.Parse(resumed.Stdout).RootElement;
        Assert.Equal(8, json.GetProperty("runs").GetInt32());
        Assert.Equal(killedWith, json.GetProperty("skipped").GetInt32());
        Assert.Equal(8 * 300, json.GetProperty("turns").GetInt64());
        Assert.Equal(Path.Combine(folder, "summary.csv"), json.GetProperty("summary").GetString());

        Assert.Equal(8, RunManifests.Completed(folder));
        Assert.Equal(8, Directory.GetDirectories(folder).Length);
        var rows = (await File.ReadAllLinesAsync(Path.Combine(folder, "summary.csv"))).Skip(1).ToList();
        Assert.Equal(8, rows.Count);
        Assert.All(rows, r => Assert.Contains(",completed,300,", r, StringComparison.Ordinal));

        // Every turn of every run exactly once.
        foreach (var run in Directory.GetDirectories(folder).Select(Path.GetFileName))
        {
            var export = await CliRunner.RunAsync(cwd, "export", run!, "--runs", folder, "--format", "jsonl");
            Assert.True(export.ExitCode == 0, export.Stderr);
            var turns = export.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("turn").GetInt32());
            Assert.Equal(Enumerable.Range(1, 300), turns);
        }

        var table = await CliRunner.RunAsync(cwd, "study", file, "--resume");
        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.Contains("| scripted:sycophantic | 4 |", table.Stdout, StringComparison.Ordinal);
    }
}
