using System.Text.Json;
using Simulator.Core.Events;
using Simulator.FakeModelServer;
using Simulator.Storage.EventLog;
using Simulator.Tests.Shared;

namespace Simulator.Cli.Tests;

/// <summary>
/// A server whose replies carry the endpoint's key (and a terminal escape sequence): the key is in no file
/// the program writes (log, manifest, transcript, exports, the log file) and in none of its output,
/// each place it was is <c>[redacted:&lt;variable&gt;]</c>, a <see cref="SecretRedacted"/> event records it,
/// and no escape sequence reaches the terminal or the Markdown. A run that meets no key keeps its content hash.
/// </summary>
public class CliSecretsTests
{
    private const string KeyVariable = "SIMULATOR_TEST_ECHO_KEY";
    private const string Key = "sk-echo-5f3a9c1e77d2b0";

    [Fact]
    public async Task ReplyHoldingTheKey_KeyInNoFileAndNoOutput_RedactedAndRecorded()
    {
        Environment.SetEnvironmentVariable(KeyVariable, Key);
        await using var server = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions
        {
            ExpectedApiKey = Key,
            Reply = _ => $"I hear how hard this is. (debug: authorised with {Key}) \u001b[2J\u001b]0;owned\u0007 <script>alert(1)</script> What would help right now?",
        });
        var work = RepoPaths.TempFolder("cli-secrets");
        string[] endpoint = [$"--Models:Endpoints:local:BaseUrl={server.BaseUrl}", $"--Models:Endpoints:local:ApiKeyVariable={KeyVariable}", "--Models:Endpoints:local:TimeoutSeconds=5"];

        var run = await CliRunner.RunAsync(work, ["run", "--persona", "ocd-checking", "--therapist", "endpoint:local/fake-model", "--turns", "4", .. endpoint]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var runId = Directory.GetDirectories(Path.Combine(work, "runs")).Select(Path.GetFileName).Single()!;
        var outputs = new List<CliRunner.Result> { run };
        outputs.Add(await CliRunner.RunAsync(work, "runs", "show", runId));
        outputs.Add(await CliRunner.RunAsync(work, "export", runId, "--format", "jsonl"));
        outputs.Add(await CliRunner.RunAsync(work, "export", runId, "--format", "md"));
        outputs.Add(await CliRunner.RunAsync(work, "export", runId, "--format", "csv", "--out", Path.Combine(work, "export.csv")));

        Assert.All(outputs, o => Assert.True(o.ExitCode == 0, o.Stderr));
        Assert.All(outputs, o => Assert.DoesNotContain(Key, o.Stdout + o.Stderr));
        Assert.All(outputs, o => Assert.DoesNotContain('\u001b', o.Stdout + o.Stderr));
        Assert.Contains($"[redacted:{KeyVariable}]", outputs[1].Stdout + run.Stdout);
        var files = Directory.EnumerateFiles(work, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("simulator.clef", StringComparison.Ordinal));
        Assert.All(files.Where(f => !f.EndsWith(".msgpack", StringComparison.Ordinal)), f => Assert.DoesNotContain(Key, File.ReadAllText(f)));

        // The log is compressed: read it back to look inside.
        var events = EventLogReader.Read(Path.Combine(work, "runs", runId, "events.msgpack")).Events;
        Assert.DoesNotContain(events.OfType<TherapistReplied>(), t => t.Text.Contains(Key, StringComparison.Ordinal));
        Assert.Contains(events.OfType<TherapistReplied>(), t => t.Text.Contains($"[redacted:{KeyVariable}]", StringComparison.Ordinal));
        Assert.Contains(events.OfType<SecretRedacted>(), s => s.Role == "therapist" && s.Variables.SequenceEqual([KeyVariable]));
        var transcript = await File.ReadAllTextAsync(Path.Combine(work, "runs", runId, "transcript.md"));
        Assert.DoesNotContain('\u001b', transcript);
        Assert.DoesNotContain("<script>", transcript, StringComparison.Ordinal);
        Assert.Contains("&lt;script>", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunThatMeetsNoKey_KeepsTheQuickstartContentHash()
    {
        Environment.SetEnvironmentVariable(KeyVariable, Key);
        var work = RepoPaths.TempFolder("cli-secrets-hash");

        var run = await CliRunner.RunAsync(work, "run", "--persona", "persecutory-delusion", "--therapist", "scripted:sycophantic", "--turns", "60", "--json",
            $"--Models:Endpoints:local:BaseUrl=http://127.0.0.1:9/v1", $"--Models:Endpoints:local:ApiKeyVariable={KeyVariable}");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("836e398447ce51d86a0ed661d63507c3fc35a090de4679f6a535c2f99efb8e0d", JsonDocument.Parse(run.Stdout).RootElement.GetProperty("contentHash").GetString());
    }
}
