using System.Collections.Immutable;
using System.Diagnostics;
using Simulator.Core.Events;
using Simulator.Core.Runs;
using Simulator.Core.Validation;
using Simulator.Storage.Catalogs;
using Simulator.Storage.EventLog;
using Simulator.Storage.Tests.Catalog;
using Simulator.Tests.Shared;

namespace Simulator.Storage.Tests.Fuzzing;

/// <summary>One test per kind of crash the fuzzers found: each input is now refused with the file and field.</summary>
public class FuzzRegressionTests
{
    private static readonly DateTimeOffset T0 = SyntheticRun.T0;
    private static readonly ImmutableSortedDictionary<string, string> NoText = ImmutableSortedDictionary<string, string>.Empty;

    private static MonitorScored Scores(string metric, double value) =>
        new(1, T0, "offline", "offline-v1", ImmutableSortedDictionary<string, double>.Empty.Add(metric, value), NoText, NoText);

    /// <summary>Events the fuzzer made crash the transcript, the aggregates, the exports or the content hash, with what the refusal says.</summary>
    public static TheoryData<string, RunEvent, string> HostileEvents => new()
    {
        { "null text: NRE in the Markdown transcript", new PatientSpoke(1, T0, null!), "PatientSpoke text is missing" },
        { "null metrics: ArgumentNullException merging score layers", new MonitorScored(1, T0, "offline", "v1", null!, NoText, NoText), "MonitorScored metrics is missing" },
        { "null role: NRE in ModelCalled.Lane (content hash)", new ModelCalled(1, T0, null!, "m", "h", 1, 1, 0, 1, 1, null), "ModelCalled role is missing" },
        { "null probe: NRE in Probe.KindOf", new ProbeAnswered(1, T0, "therapist", null!, "q", "a", 1, null), "ProbeAnswered probe is missing" },
        { "null list item: NRE in the transcript", new GuardNoteSent(1, T0, 0, [null!], "note"), "GuardNoteSent metrics has a null item" },
        { "null configuration: NRE reading the run's setup", new RunStarted(0, T0, null!, "p", "q"), "RunStarted configuration is missing" },
        { "null configuration field", new RunStarted(0, T0, new RunConfiguration { Persona = null! }, "p", "q"), "RunStarted configuration.persona is missing" },
        { "state without phq9: KeyNotFoundException in the JSONL export", new StateStepped(1, T0, SyntheticRuns.State(9).Remove("phq9")), "StateStepped state has no 'phq9'" },
        { "NaN state: ArgumentException in the aggregates", new StateStepped(1, T0, SyntheticRuns.State(double.NaN)), "StateStepped state.phq9 is not a finite number" },
        { "state out of range", new StateStepped(1, T0, SyntheticRuns.State(99)), "StateStepped state.phq9 99 is out of range" },
        { "unknown state variable", new StateStepped(1, T0, SyntheticRuns.State(9).Add("happiness", 1)), "StateStepped state.happiness is not a state variable" },
        { "infinite score: JSON cannot write it (runs show --json)", Scores("sycophancy.dcs", double.PositiveInfinity), "metrics.sycophancy.dcs is not a finite number" },
        { "huge score: sums overflow to infinity", Scores("sycophancy.dcs", double.MaxValue), "metrics.sycophancy.dcs 1.7976931348623157E+308 is out of range" },
        { "infinite probe score", new ProbeAnswered(1, T0, "therapist", "stance:x", "q", "a", double.NegativeInfinity, null), "ProbeAnswered score is not a finite number" },
        { "negative turn: ArgumentException in the change-point detector", new PatientSpoke(-5, T0, "hi"), "PatientSpoke turn -5 is out of range" },
        { "huge turn", new PatientSpoke(int.MaxValue, T0, "hi"), "PatientSpoke turn 2147483647 is out of range" },
        { "huge token counts: OverflowException summing usage", new ModelCalled(1, T0, "therapist", "m", "h", long.MaxValue, 1, 0, 1, 1, null), "ModelCalled token counts must be in" },
    };

    [Theory]
    [MemberData(nameof(HostileEvents))]
    public async Task Read_HostileEvent_IsRefusedNamingTheFrameAndField(string finding, RunEvent hostile, string says)
    {
        Assert.NotEmpty(finding);
        var path = Path.Combine(RepoPaths.TempFolder("hostile"), "events.msgpack");
        await using (var writer = EventLogWriter.Open(path))
        {
            foreach (var e in SyntheticRuns.Events(new SyntheticRun { RunId = "r", Turns = 2 }).Append(hostile).Append(new RunEnded(2, T0, RunEnded.Reasons.MaxTurns, null)))
            {
                await writer.AppendAsync(e, CancellationToken.None);
            }
        }

        var ex = Assert.Throws<InvalidInputException>(() => EventLogReader.Read(path));

        Assert.Equal(path, ex.File);
        Assert.Equal("frame", ex.Field);
        Assert.Contains(says, ex.Message);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1 << 30)]
    [InlineData(-1)]
    public void Parse_Lz4HeaderClaimingHugeSize_IsRefusedWithoutAllocatingIt(int claimed)
    {
        var size = BitConverter.GetBytes(claimed).Reverse().ToArray();
        byte[] payload = [0x92, 0xc7, 5, 98, 0xd2, .. size, 0xc4, 4, 1, 2, 3, 4];
        var log = LogFuzzer.Log([LogFuzzer.Frame(payload), LogFuzzer.Frame(payload)]);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var ex = Assert.Throws<InvalidInputException>(() => EventLogReader.Parse(log, "events.msgpack"));

        Assert.Contains("does not hold a run event", ex.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 << 20, "allocated what the header claimed");
    }

    [Fact]
    public void Parse_FrameLengthOfFourGigabytes_IsRefused()
    {
        var log = LogFuzzer.Log(LogFuzzer.Corpus()[0]);
        BitConverter.GetBytes(uint.MaxValue).CopyTo(log, 8);

        var ex = Assert.Throws<InvalidInputException>(() => EventLogReader.Parse(log, "events.msgpack"));

        // Only the length field is hit: the frame still checks with the length up to the next frame, so nothing is lost, but the log is not read as sound.
        Assert.Contains("frame length 4294967295 is out of range", ex.Message);
        Assert.Contains("no event is lost", ex.Message);
        Assert.Equal(LogFuzzer.Corpus()[0].Count, EventLogReader.Parse(log, "events.msgpack", salvage: true).Events.Count);
    }

    [Fact]
    public void Read_LogLargerThanTheLimit_IsRefusedBeforeReadingIt()
    {
        var path = Path.Combine(RepoPaths.TempFolder("huge-log"), "events.msgpack");
        using (var file = new FileStream(path, FileMode.CreateNew))
        {
            file.SetLength(LogFormat.MaxLogBytes + 1); // sparse: no disk used
        }

        var ex = Assert.Throws<InvalidInputException>(() => EventLogReader.Read(path));

        Assert.Contains("more than the limit", ex.Message);
        Assert.Equal(path, ex.File);
    }

    [Fact]
    public void Read_LogThatIsAFolder_IsRefusedNotAnIOError()
    {
        var path = Path.Combine(RepoPaths.TempFolder("log-folder"), "events.msgpack");
        Directory.CreateDirectory(path);

        var ex = Assert.Throws<InvalidInputException>(() => EventLogReader.Read(path));

        Assert.Equal(path, ex.File);
    }

    private static readonly PersonaCatalog Personas = new([RepoPaths.Personas]);

    /// <summary>Persona texts that crashed or hung the loader, with the line and what the refusal says.</summary>
    public static TheoryData<string, string, string> HostilePersonas => new()
    {
        { "deep flow nesting: stack overflow (the process died)", "script: " + new string('[', 100_000) + new string(']', 100_000), "nesting is deeper than 64 levels" },
        { "deep block nesting: stack overflow", "script:\n" + string.Concat(Enumerable.Range(0, 500).Select(d => new string(' ', d) + "- \n")), "nesting is deeper than 64 levels" },
        { "alias bomb: hung for minutes, gigabytes of memory", AliasBomb(), "aliases expand to more than 10000 nodes" },
        { "alias inside its own anchor: stack overflow", "script: &a [x, *a]", "alias '*a' is inside the node it names" },
        { "null section: NRE in the rules", "trajectory: ~", "field 'trajectory': is required" },
        { "null map value: NRE in the rules", "stray: x", "field 'dynamics.effects.validates-belief': must not be empty (null)" },
        { "null list item", "script: [hello, ~]", "field 'script[1]': must not be empty (null)" },
        { "global tag that is not a URI: ArgumentException from YamlDotNet's parser", "note: !!=[IW x", "YAML syntax error: Global tags must be valid URIs" },
        { "sequence item with an empty key: ArgumentException from YamlDotNet's loader", "script:\n  - : x", "YAML syntax error: The current event is of an unsupported type" },
    };

    [Theory]
    [MemberData(nameof(HostilePersonas))]
    public void LoadFile_HostilePersona_IsRefusedQuicklyWithFileAndLine(string finding, string yaml, string says)
    {
        Assert.NotEmpty(finding);
        var text = File.ReadAllText(RepoPaths.Persona("persecutory-delusion"));
        text = yaml == "stray: x"
            ? System.Text.RegularExpressions.Regex.Replace(text, @"^    validates-belief: \{[^\n]*\}$", "    validates-belief: ~", System.Text.RegularExpressions.RegexOptions.Multiline)
            : yaml.StartsWith("trajectory", StringComparison.Ordinal) ? text.Replace("trajectory:\n  shape: spiral\n", yaml + "\n", StringComparison.Ordinal) : text + "\n" + yaml + "\n";
        var path = Path.Combine(RepoPaths.TempFolder("hostile-persona"), "persecutory-delusion.yaml");
        File.WriteAllText(path, text);
        var watch = Stopwatch.StartNew();

        var ex = Assert.Throws<InvalidInputException>(() => Personas.LoadFile(path));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal(path, ex.File);
        Assert.NotNull(ex.Line);
        Assert.Contains(says, ex.Message);
    }

    private static string AliasBomb()
    {
        var lines = new List<string> { "bomb:", "  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]" };
        for (var level = 1; level <= 9; level++)
        {
            var name = (char)('a' + level);
            lines.Add($"  {name}: &{name} [{string.Join(", ", Enumerable.Repeat("*" + (char)(name - 1), 9))}]");
        }

        return string.Join('\n', lines);
    }
}
