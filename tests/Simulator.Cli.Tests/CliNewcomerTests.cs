using System.Text.Json;
using Simulator.Tests.Shared;

namespace Simulator.Cli.Tests;

/// <summary>
/// What a newcomer does after the README's first command: a run written elsewhere with <c>--out</c>,
/// then every follow-up command on the path the program printed, never with <c>--runs</c>, from a
/// working folder that must stay empty.
/// </summary>
public class CliNewcomerTests
{
    [Fact]
    public async Task RunWithOut_EveryFollowUpOnThePrintedPath_Works_AndTheWorkingFolderStaysEmpty()
    {
        var root = RepoPaths.TempFolder("cli-newcomer");
        var work = Directory.CreateDirectory(Path.Combine(root, "work")).FullName;
        var output = Path.Combine(root, "out");

        var run = await JsonAsync(work, "run", "--persona", "persecutory-delusion", "--therapist", "scripted:sycophantic", "--turns", "12", "--out", output, "--json");
        var path = run.GetProperty("path").GetString()!;
        Assert.Equal(Path.Combine(output, run.GetProperty("runId").GetString()!), path);
        Assert.True(run.GetProperty("monitor").GetProperty("aggregates").TryGetProperty("sycophancy.dcs.mean", out _), "run --json carries the monitor's aggregates");

        string[][] followUps =
        [
            ["runs", "show", path],
            ["runs", "tree", path],
            ["export", path],
            ["export", path, "--format", "csv"],
            ["export", path + "/", "--format", "md"],
            ["export", Path.Combine(path, "manifest.json"), "--format", "jsonl"],
            ["replay", path],
            ["replay", path, "--verify"],
            ["replay", path, "--rescore"],
            ["compare", path, path],
            ["resume", path],
            ["report", path],
            ["runs", "list", "--runs", output],
        ];
        foreach (var args in followUps)
        {
            var r = await CliRunner.RunAsync(work, args);
            Assert.True(r.ExitCode == 0, $"{string.Join(' ', args)}: exit {r.ExitCode}\n{r.Stderr}");
        }

        Assert.True(File.Exists(Path.Combine(path, "report", "index.html")), "the report goes into the run's folder by default");
        var branch = await JsonAsync(work, "branch", path, "--at", "6", "--turns", "3", "--inject-patient", "I think they are listening right now.", "--json");
        Assert.Equal(output, Path.GetDirectoryName(branch.GetProperty("path").GetString()));
        var tree = await CliRunner.RunAsync(work, "runs", "tree", path);
        Assert.Contains("patient message put in at turn 7", tree.Stdout);
        var compared = await CliRunner.RunAsync(work, "report", path, "--compare", branch.GetProperty("path").GetString()!);
        Assert.True(compared.ExitCode == 0, compared.Stderr);

        // A relative path from elsewhere, and a bare id from the folder the runs are in.
        var relative = await CliRunner.RunAsync(root, "runs", "show", Path.Combine("out", Path.GetFileName(path)));
        Assert.True(relative.ExitCode == 0, relative.Stderr);
        var byId = await CliRunner.RunAsync(output, "runs", "show", Path.GetFileName(path));
        Assert.True(byId.ExitCode == 0, byId.Stderr);

        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
        Assert.True(File.Exists(Path.Combine(output, "simulator.clef")), "the log file is in the runs folder in use");
    }

    [Fact]
    public async Task KilledRun_TheHintRunsShowPrints_WorksAsPrinted_FromAnotherFolder()
    {
        var root = RepoPaths.TempFolder("cli-newcomer");
        var work = Directory.CreateDirectory(Path.Combine(root, "work")).FullName;
        var output = Path.Combine(root, "out with space");
        using (var process = CliRunner.Start(work, "run", "--persona", "ocd-checking", "--therapist", "scripted:faithful", "--turns", "3000", "--out", output))
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (Directory.Exists(output) ? Directory.GetFiles(output, "events.msgpack", SearchOption.AllDirectories).All(f => new FileInfo(f).Length < 8192) : true)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), "the run wrote no turns");
                await Task.Delay(100);
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var path = Directory.GetDirectories(output).Single(d => File.Exists(Path.Combine(d, "manifest.json")));
        var show = await CliRunner.RunAsync(work, "runs", "show", path);
        Assert.True(show.ExitCode == 0, show.Stderr);
        var hint = show.Stdout.Split('\n').Select(l => l.Split("continue it with: ", 2)).Where(p => p.Length == 2).Select(p => p[1].Trim()).Single();
        Assert.StartsWith("simulator resume ", hint);

        var resumed = await CliRunner.RunAsync(work, [.. ShellWords(hint["simulator ".Length..]), "--json"]);

        Assert.True(resumed.ExitCode == 0, $"'{hint}': exit {resumed.ExitCode}\n{resumed.Stderr}");
        Assert.Equal(3000, JsonDocument.Parse(resumed.Stdout).RootElement.GetProperty("turns").GetInt32());
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
    }

    [Fact]
    public async Task RunsList_WithRunsElsewhere_AndPersonasList_WriteNothingInTheWorkingFolder()
    {
        var root = RepoPaths.TempFolder("cli-newcomer");
        var work = Directory.CreateDirectory(Path.Combine(root, "work")).FullName;

        Assert.Equal(0, (await CliRunner.RunAsync(work, "runs", "list", "--runs", Path.Combine(root, "elsewhere"))).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(work, "runs", "list")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(work, "personas", "list")).ExitCode);
        var missing = await CliRunner.RunAsync(work, "runs", "show", Path.Combine(root, "nowhere", "20261123-000000-x"));

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such folder", missing.Stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
        Assert.False(Directory.Exists(Path.Combine(root, "elsewhere")));
    }

    private static async Task<JsonElement> JsonAsync(string cwd, params string[] args)
    {
        var r = await CliRunner.RunAsync(cwd, args);
        Assert.True(r.ExitCode == 0, $"{string.Join(' ', args)}: exit {r.ExitCode}\n{r.Stderr}");
        return JsonDocument.Parse(r.Stdout).RootElement.Clone();
    }

    /// <summary>Splits a command line as a POSIX shell would for plain and single-quoted words.</summary>
    private static List<string> ShellWords(string line)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in line)
        {
            if (c == '\'')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any || word.Length > 0)
                {
                    words.Add(word.ToString());
                }

                word.Clear();
                any = false;
            }
            else
            {
                word.Append(c);
            }
        }

        if (any || word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
