using Simulator.Core.Events;
using Simulator.Core.Transcripts;
using Simulator.Storage.EventLog;
using Simulator.Storage.Exports;
using Simulator.Tests.Shared;
using Xunit.Abstractions;

namespace Simulator.Storage.Tests.Fuzzing;

/// <summary>Bounded runs of the fuzzers (the bench runs 100,000 inputs each): every input is accepted or refused cleanly.</summary>
public class FuzzTests(ITestOutputHelper output)
{
    /// <summary>What the CLI does with a log that this layer can do: the transcript, usage, the JSONL export and the content hash.</summary>
    internal static void Consume(IReadOnlyList<RunEvent> events)
    {
        var transcript = RunTranscript.From(events);
        _ = RoleUsage.Of(events);
        JsonlExporter.WriteAsync("fuzz", transcript, TextWriter.Null, CancellationToken.None).GetAwaiter().GetResult();
        _ = ContentHash.Of(events, EventSerializer.Serialize);
    }

    [Fact]
    public void EventLog_ThousandsOfMutatedLogs_AreAcceptedOrRefusedNeverCrash()
    {
        var report = LogFuzzer.Run(3000, seed: 20261123, Consume);

        output.WriteLine(report.Describe());
        Assert.True(report.Crashes == 0, report.Describe());
        Assert.Contains(report.Outcomes.Keys, o => o.StartsWith("accepted", StringComparison.Ordinal));
        Assert.Contains(report.Outcomes.Keys, o => o.StartsWith("refused", StringComparison.Ordinal));
    }

    [Fact]
    public void PersonaLoader_ThousandsOfMutatedPersonas_AreAcceptedOrRefusedNeverCrash()
    {
        var report = PersonaFuzzer.Run(2000, seed: 20261123, RepoPaths.Personas, RepoPaths.TempFolder("fuzz-persona"));

        output.WriteLine(report.Describe());
        Assert.True(report.Crashes == 0, report.Describe());
        Assert.Contains(report.Outcomes.Keys, o => o.StartsWith("refused", StringComparison.Ordinal));
    }
}
