using Simulator.Core.Events;
using Simulator.Core.Runs;
using Simulator.Engine.Runs;
using Simulator.Storage.EventLog;

namespace Simulator.Engine.Tests;

/// <summary><c>replay --verify</c>: re-execution says identical for a faithful log and names the first turn of a tampered one.</summary>
public class VerifyTests
{
    private static readonly RunConfiguration Config = new()
    {
        Persona = "depression-suicidal",
        Therapist = "scripted:crisis-missing",
        Turns = 20,
        Seed = 8,
        Guard = true,
    };

    [Fact]
    public async Task Verify_ResumedRunAndBranch_AreIdentical()
    {
        using var engine = new EngineFixture();
        var run = await engine.Runs.RunAsync(Config, null, CancellationToken.None);
        var log = Path.Combine(run.Path, "events.msgpack");
        var bytes = await File.ReadAllBytesAsync(log);
        await File.WriteAllBytesAsync(log, bytes[..(bytes.Length / 3)]);
        await engine.Runs.ResumeAsync(run.RunId, null, CancellationToken.None);
        var branch = await engine.Runs.BranchAsync(run.RunId, 9, new BranchEdits { Therapist = "scripted:faithful", InjectPatient = "Honestly I don't see the point of any of this." }, null, CancellationToken.None);

        var a = await engine.Runs.VerifyAsync(run.RunId, null, CancellationToken.None);
        var b = await engine.Runs.VerifyAsync(branch.RunId, null, CancellationToken.None);

        Assert.True(a.Identical, $"diverged at {a.FirstDivergentTurn}");
        Assert.True(b.Identical, $"diverged at {b.FirstDivergentTurn}");
        Assert.Equal(20, b.ReexecutedTurns);
        Assert.Empty(Directory.GetDirectories(Path.GetTempPath(), $"simulator-verify-{Environment.ProcessId}-*"));
    }

    [Fact]
    public async Task Verify_TamperedReply_NamesItsTurn()
    {
        using var engine = new EngineFixture();
        var run = await engine.Runs.RunAsync(Config, null, CancellationToken.None);
        var log = Path.Combine(run.Path, "events.msgpack");
        var events = EventLogReader.Read(log).Events
            .Select(e => e is TherapistReplied { Turn: 12 } r ? r with { Text = r.Text + " (edited)" } : e).ToList();
        await EventLogWriter.RewriteAsync(log, events);

        var result = await engine.Runs.VerifyAsync(run.RunId, null, CancellationToken.None);

        Assert.False(result.Identical);
        Assert.Equal(12, result.FirstDivergentTurn);
        Assert.Equal(20, result.ReexecutedTurns);
    }
}
