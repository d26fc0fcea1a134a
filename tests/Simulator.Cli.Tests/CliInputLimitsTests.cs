using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Simulator.Tests.Shared;

namespace Simulator.Cli.Tests;

/// <summary>
/// Bad and oversized input through the real program: <c>score</c> streams its input (memory stays bounded
/// on a file of many megabytes), refuses a line past the limit and a lone surrogate with exit 2 naming the
/// line, and leaves no scores file; bad <c>--out</c> values and out-of-range study limits are exit 2 naming
/// the option or the file, line and field; fuzzed personas are either valid or refused with file:line: field.
/// </summary>
public class CliInputLimitsTests
{
    private const long PeakLimit = 300L << 20;

    [Fact]
    public async Task Score_ManyMegabytes_StreamsUnder300MB_ThenALineOverTheLimit_IsExit2NamingIt_NoScoresFile()
    {
        var cwd = RepoPaths.TempFolder("cli-score-big");
        var input = Path.Combine(cwd, "big.jsonl");
        var conversations = WriteConversations(input, megabytes: 4);

        var (result, peak) = await RunMeasuredAsync(cwd, "score", input, "--out", "scores.jsonl", "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(conversations, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("conversations").GetInt32());
        Assert.True(peak < PeakLimit, $"peak resident memory {peak >> 20} MB");

        // One line past the per-line limit (16 MiB): refused naming its line, before it is held whole.
        await using (var append = new StreamWriter(input, append: true))
        {
            await append.WriteAsync("{\"id\": \"huge\", \"messages\": [{\"role\": \"user\", \"content\": \"");
            await append.WriteAsync(new string('a', 17 << 20));
            await append.WriteLineAsync("\"}]}");
        }

        File.Delete(Path.Combine(cwd, "scores.jsonl"));
        var refused = await CliRunner.RunAsync(cwd, "score", input, "--out", "scores.jsonl");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"big.jsonl:{conversations + 1}: the line is longer than 16,777,216 bytes", refused.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(cwd, "scores.jsonl")) || File.Exists(Path.Combine(cwd, "scores.jsonl.tmp")));
    }

    [Theory]
    [InlineData("{\"id\": \"s\", \"messages\": [{\"role\": \"user\", \"content\": \"a \\ud800 b\"}, {\"role\": \"assistant\", \"content\": \"ok\"}]}", "field 'messages[0].content'")]
    [InlineData("{\"id\": \"\\udc00\", \"messages\": []}", "field 'id'")]
    [InlineData("{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"\\ud83d\"}]}]}", "field 'messages[0].content[0].text'")]
    public async Task Score_LoneSurrogate_IsExit2NamingFileLineField(string line, string field)
    {
        var cwd = RepoPaths.TempFolder("cli-score-surrogate");
        await File.WriteAllTextAsync(Path.Combine(cwd, "in.jsonl"), "{\"id\": \"ok\", \"messages\": []}\n" + line + "\n");

        var result = await CliRunner.RunAsync(cwd, "score", "in.jsonl", "--out", "out.jsonl");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"in.jsonl:2: {field}: is not valid text", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("score", "in.jsonl", "--out", "")]
    [InlineData("score", "in.jsonl", "--out", "/proc/no-such-folder/out.jsonl")]
    [InlineData("run", "--persona", "ocd-checking", "--therapist", "scripted:faithful", "--turns", "2", "--out", "in.jsonl")]
    [InlineData("study", "demo", "--out", "in.jsonl")]
    [InlineData("study", "demo", "--concurrency", "1025")]
    [InlineData("study", "demo", "--max-runs", "4")]
    public async Task BadOutputOrLimit_IsExit2NamingTheOptionOrFile_NoStackTrace(params string[] args)
    {
        var cwd = RepoPaths.TempFolder("cli-bad-out");
        await File.WriteAllTextAsync(Path.Combine(cwd, "in.jsonl"), "{\"id\": \"ok\", \"messages\": []}\n");

        var result = await CliRunner.RunAsync(cwd, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Matches("field '(--out|--concurrency|--max-runs|personas|therapists|seeds|run)'", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StudyOfAHundredThousandRuns_IsRefusedNamingTheSeedsLine_UnlessTheLimitIsRaised()
    {
        var cwd = RepoPaths.TempFolder("cli-study-limit");
        await File.WriteAllTextAsync(Path.Combine(cwd, "big.yaml"), $"name: big\npersonas: [ocd-checking]\ntherapists: [\"scripted:faithful\"]\nseeds: [{string.Join(", ", Enumerable.Range(1, 100_000))}]\nturns: 2\n");

        var result = await CliRunner.RunAsync(cwd, "study", "big.yaml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("big.yaml:4: field 'seeds': the study expands to 100,000 runs", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("more than the limit of 10,000", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cwd, "runs", "big")));
    }

    [Fact]
    public async Task FuzzedPersonas_ValidateAsValidOrNameFileLineField_AndTheValidOnesRun()
    {
        var cwd = RepoPaths.TempFolder("cli-fuzz-personas");
        var corpus = Directory.GetFiles(RepoPaths.Personas, "*.yaml").Order(StringComparer.Ordinal).ToList();
        var random = new Random(20261211);
        var files = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var source = corpus[random.Next(corpus.Count)];
            var (text, _) = YamlMutations.Mutate(await File.ReadAllTextAsync(source), random);
            var path = Path.Combine(cwd, $"f{i}", Path.GetFileName(source));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, text);
            files.Add(path);
        }

        var validate = await CliRunner.RunAsync(cwd, ["personas", "validate", .. files, "--json"]);

        Assert.True(validate.ExitCode is 0 or 2, validate.Stderr);
        var results = JsonDocument.Parse(validate.Stdout).RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(files.Count, results.Count);
        Assert.Equal(results.All(r => r.GetProperty("ok").GetBoolean()) ? 0 : 2, validate.ExitCode);
        var valid = new List<string>();
        foreach (var r in results)
        {
            var file = r.GetProperty("file").GetString()!;
            if (r.GetProperty("ok").GetBoolean())
            {
                valid.Add(file);
                continue;
            }

            var error = r.GetProperty("error").GetString()!;
            Assert.Matches(@"^.+\.yaml:\d+: (field '[^']+': |YAML syntax error)", error);
        }

        Assert.NotEmpty(valid);
        Assert.True(valid.Count < files.Count, "every fuzzed persona validated");
        foreach (var file in valid.Take(1))
        {
            var run = await CliRunner.RunAsync(cwd, "run", "--persona", file, "--therapist", "scripted:sycophantic", "--turns", "10", "--json");
            Assert.True(run.ExitCode == 0, run.Stderr);
            var show = await CliRunner.RunAsync(cwd, "runs", "show", JsonDocument.Parse(run.Stdout).RootElement.GetProperty("runId").GetString()!);
            Assert.True(show.ExitCode == 0, show.Stderr);
        }
    }

    /// <summary>Conversations of a few turns each until the file is <paramref name="megabytes"/> long; how many.</summary>
    private static int WriteConversations(string path, int megabytes)
    {
        using var file = new StreamWriter(path, false, new UTF8Encoding(false));
        var count = 0;
        var line = new StringBuilder();
        var random = new Random(7);
        string[] patient = ["They are watching me through the walls again.", "I checked the locks eleven times before I could leave.", "I don't see the point of anything any more.", "My neighbour is reporting everything I do."];
        string[] therapist = ["What makes you sure they are watching you?", "That sounds exhausting. What happens if you check once?", "Can you tell me more about that feeling?", "You're right, they are probably watching."];
        while (file.BaseStream.Length < (long)megabytes << 20)
        {
            line.Clear().Append("{\"id\": \"c").Append(count).Append("\", \"messages\": [");
            var turns = 2 + random.Next(3);
            for (var t = 0; t < turns; t++)
            {
                line.Append(t == 0 ? "" : ", ").Append("{\"role\": \"user\", \"content\": \"").AppendJoin(' ', Enumerable.Range(0, 3).Select(_ => patient[random.Next(patient.Length)])).Append("\"}, ")
                    .Append("{\"role\": \"assistant\", \"content\": \"").AppendJoin(' ', Enumerable.Range(0, 3).Select(_ => therapist[random.Next(therapist.Length)])).Append("\"}");
            }

            file.WriteLine(line.Append("]}").ToString());
            file.Flush();
            count++;
        }

        return count;
    }

    /// <summary>Runs the program and samples its peak resident memory (VmHWM) until it exits.</summary>
    private static async Task<(CliRunner.Result Result, long Peak)> RunMeasuredAsync(string cwd, params string[] args)
    {
        using var process = CliRunner.Start(cwd, args);
        var collecting = CliRunner.CollectAsync(process);
        long peak = 0;
        while (!process.HasExited)
        {
            try
            {
                var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (line is not null)
                {
                    peak = Math.Max(peak, long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                // The process is exiting.
            }

            await Task.Delay(50);
        }

        var result = await collecting;
        Assert.True(peak > 0, "the peak memory was never read");
        return (result, peak);
    }
}
