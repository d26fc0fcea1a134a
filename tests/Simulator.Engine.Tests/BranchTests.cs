using System.Collections.Immutable;
using Simulator.Core.Events;
using Simulator.Core.Runs;
using Simulator.Core.Transcripts;
using Simulator.Core.Validation;
using Simulator.Engine.Runs;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Tests;

/// <summary>Branches reference their parent's turns up to the fork and go their own way after it.</summary>
public class BranchTests
{
    private static readonly RunConfiguration Parent = new()
    {
        Persona = "persecutory-delusion",
        Therapist = "scripted:faithful",
        Protocol = "cbt-restructuring",
        Turns = 40,
        Seed = 4,
    };

    [Fact]
    public async Task BranchAt20_WithAnotherTherapist_SharesTurns1To20_AndABranchOfTheBranchWorks()
    {
        using var engine = new EngineFixture();
        var store = new RunStore(engine.RunsRoot);
        var parent = await engine.Runs.RunAsync(Parent, null, CancellationToken.None);

        var branch = await engine.Runs.BranchAsync(parent.RunId, 20, new BranchEdits { Therapist = "scripted:sycophantic" }, null, CancellationToken.None);
        var twig = await engine.Runs.BranchAsync(branch.RunId, 30, new BranchEdits { Guard = true, Turns = 5, InjectPatient = "I think I should stop coming here." }, null, CancellationToken.None);

        var p = Transcript(store, parent.RunId);
        var b = Transcript(store, branch.RunId);
        var t = Transcript(store, twig.RunId);
        Assert.Equal(40, b.Turns.Count);
        Assert.Equal("scripted:sycophantic", b.Configuration!.Therapist);
        Assert.Equal(p.Turns.Take(20).Select(Text), b.Turns.Take(20).Select(Text));
        Assert.Equal(p.Turns.Take(20).Select(x => x.Metrics), b.Turns.Take(20).Select(x => x.Metrics));
        Assert.NotEqual(p.Turns[20].Therapist, b.Turns[20].Therapist);
        Assert.Equal(35, t.Turns.Count);
        Assert.Equal(b.Turns.Take(30).Select(Text), t.Turns.Take(30).Select(Text));
        Assert.Equal("I think I should stop coming here.", t.Turns[30].Patient);
        Assert.True(t.Configuration!.Guard);

        // Only the branch's own turns are in its log; the parent's are referenced.
        var own = EventLogReader.Read(Path.Combine(branch.Path, "events.msgpack")).Events;
        Assert.Equal(21, own.OfType<StateStepped>().Min(s => s.Turn));
        Assert.IsType<BranchStarted>(own[0]);
        Assert.Equal(parent.RunId, RunStore.ReadManifest(new RunFolder(branch.RunId, branch.Path)).ParentRunId);
    }

    [Fact]
    public async Task Branch_IsDeterministic_AndResumesAfterACut()
    {
        using var engine = new EngineFixture();
        var parent = await engine.Runs.RunAsync(Parent with { Turns = 24 }, null, CancellationToken.None);
        var edits = new BranchEdits { Style = "warm", SetState = ImmutableSortedDictionary<string, double>.Empty.Add("hopelessness", 0.9) };
        var a = await engine.Runs.BranchAsync(parent.RunId, 12, edits, null, CancellationToken.None);
        var b = await engine.Runs.BranchAsync(parent.RunId, 12, edits, null, CancellationToken.None);
        Assert.Equal(a.ContentHash, b.ContentHash);

        var log = Path.Combine(b.Path, "events.msgpack");
        var bytes = await File.ReadAllBytesAsync(log);
        await File.WriteAllBytesAsync(log, bytes[..(bytes.Length * 2 / 3)]);
        var resumed = await engine.Runs.ResumeAsync(b.RunId, null, CancellationToken.None);

        Assert.Equal(a.ContentHash, resumed.ContentHash);
        Assert.Equal(24, resumed.Turns);
    }

    [Theory]
    [InlineData(41, null, "--at")]
    [InlineData(10, "no-such-variable", "--set")]
    public async Task BadBranch_IsRefusedNamingTheField(int at, string? variable, string field)
    {
        using var engine = new EngineFixture();
        var parent = await engine.Runs.RunAsync(Parent, null, CancellationToken.None);
        var edits = variable is null ? new BranchEdits() : new BranchEdits { SetState = ImmutableSortedDictionary<string, double>.Empty.Add(variable, 1) };

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => engine.Runs.BranchAsync(parent.RunId, at, edits, null, CancellationToken.None));

        Assert.Equal(field, ex.Field);
    }

    private static RunTranscript Transcript(RunStore store, string runId) => RunTranscript.From(RunHistory.Load(store, store.Open(runId)).Events);

    private static (string, string) Text(TurnRecord t) => (t.Patient, t.Therapist);
}
