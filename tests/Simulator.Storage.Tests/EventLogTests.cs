using System.Collections.Immutable;
using Simulator.Core.Events;
using Simulator.Core.Runs;
using Simulator.Core.Validation;
using Simulator.Storage.EventLog;
using Simulator.Tests.Shared;

namespace Simulator.Storage.Tests;

public class EventLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static List<RunEvent> SampleEvents() =>
    [
        new RunStarted(0, T0, new RunConfiguration { Persona = "p", Therapist = "scripted:faithful", Turns = 2, Seed = 7 }, "ph", "qh"),
        new StateStepped(0, T0, Catalog.SyntheticRuns.State(9.5).Add("conviction.x", 0.75)),
        new EventFired(1, T0, "reveals", "I need to tell you something."),
        new ModelCalled(1, T0, "patient", "scripted:patient", "abcd", 10, 5, 0, 0.3, 1, null),
        new PatientSpoke(1, T0, "They watch me. Ünïcödé — “quotes”."),
        new TherapistReplied(1, T0, "What makes you sure?", ["challenges-collaboratively"]),
        new PatientAppraised(1, T0, ["challenges-collaboratively"], "lexical-v1"),
        new StateStepped(1, T0, Catalog.SyntheticRuns.State(9.6)),
        new MonitorScored(1, T0, "offline", "offline-v1",
            ImmutableSortedDictionary<string, double>.Empty.Add("sycophancy.dcs", 0),
            ImmutableSortedDictionary<string, string>.Empty.Add("safety.sis", "why"),
            ImmutableSortedDictionary<string, string>.Empty.Add("sycophancy.dcs", "What makes you sure?")),
        new RunEnded(1, T0, RunEnded.Reasons.MaxTurns, null),
    ];

    private static async Task<string> WriteLog(IEnumerable<RunEvent> events)
    {
        var path = Path.Combine(RepoPaths.TempFolder("log"), "events.msgpack");
        await using var writer = EventLogWriter.Open(path);
        foreach (var e in events)
        {
            await writer.AppendAsync(e, CancellationToken.None);
        }

        return path;
    }

    [Fact]
    public async Task Read_AfterWrite_ReturnsEveryEventEqual()
    {
        var events = SampleEvents();
        var path = await WriteLog(events);

        var read = EventLogReader.Read(path);

        Assert.False(read.TornTail);
        Assert.Equal(events.Count, read.Events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            Assert.Equal(events[i].GetType(), read.Events[i].GetType());
            Assert.Equal(EventSerializer.Serialize(events[i]), EventSerializer.Serialize(read.Events[i]));
        }

        Assert.Equal("They watch me. Ünïcödé — “quotes”.", ((PatientSpoke)read.Events[4]).Text);
        Assert.Equal(0.75, ((StateStepped)read.Events[1]).State["conviction.x"]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(9)]
    public async Task Read_TornLastFrame_DropsOnlyThatFrame(int cut)
    {
        var events = SampleEvents();
        var path = await WriteLog(events);
        var length = new FileInfo(path).Length;
        await using (var f = new FileStream(path, FileMode.Open))
        {
            f.SetLength(length - cut);
        }

        var read = EventLogReader.Read(path);

        Assert.True(read.TornTail);
        Assert.Equal(events.Count - 1, read.Events.Count);
    }

    [Fact]
    public async Task Read_FlippedByteInLastFrame_IsTornTail()
    {
        var path = await WriteLog(SampleEvents());
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^2] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bytes);

        var read = EventLogReader.Read(path);

        Assert.True(read.TornTail);
        Assert.Equal(SampleEvents().Count - 1, read.Events.Count);
    }

    [Fact]
    public async Task Read_FlippedByteInEarlierFrame_IsRefusedAsCorrupt()
    {
        var path = await WriteLog(SampleEvents());
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[LogFormat.Header.Length + LogFormat.FrameHeaderSize + 2] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bytes);

        var ex = Assert.Throws<InvalidInputException>(() => EventLogReader.Read(path));

        Assert.Contains("corrupt event log at byte 8", ex.Message);
        Assert.Equal(path, ex.File);
    }

    [Fact]
    public async Task Read_RandomBytes_IsRefusedNotCrashed()
    {
        var path = Path.Combine(RepoPaths.TempFolder("garbage"), "events.msgpack");
        var random = new Core.Randomness.SeededRandom(42);
        var bytes = new byte[4096];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)random.Next(256);
        }

        await File.WriteAllBytesAsync(path, bytes);

        var ex = Assert.Throws<InvalidInputException>(() => EventLogReader.Read(path));
        Assert.Contains("not a simulator event log", ex.Message);
    }

    [Fact]
    public async Task Read_ValidFrameHoldingGarbage_IsRefusedAsCorrupt()
    {
        var path = Path.Combine(RepoPaths.TempFolder("garbage-frame"), "events.msgpack");
        byte[] payload = [0xC1, 0xC1, 0xC1];
        var frame = new byte[LogFormat.FrameHeaderSize + payload.Length];
        BitConverter.GetBytes((uint)payload.Length).CopyTo(frame, 0);
        BitConverter.GetBytes(System.IO.Hashing.Crc32.HashToUInt32(payload)).CopyTo(frame, 4);
        payload.CopyTo(frame, LogFormat.FrameHeaderSize);
        await File.WriteAllBytesAsync(path, [.. LogFormat.Header, .. frame, .. frame]);

        var ex = Assert.Throws<InvalidInputException>(() => EventLogReader.Read(path));
        Assert.Contains("does not hold a run event", ex.Message);
    }

    [Fact]
    public async Task Open_ExistingLogWithTornTail_TruncatesThenAppends()
    {
        var events = SampleEvents();
        var path = await WriteLog(events);
        var length = new FileInfo(path).Length;
        await using (var f = new FileStream(path, FileMode.Open))
        {
            f.SetLength(length - 3);
        }

        await using (var writer = EventLogWriter.Open(path))
        {
            Assert.Equal(events.Count - 1, writer.Existing.Count);
            await writer.AppendAsync(new RunEnded(1, T0, RunEnded.Reasons.Cancelled, null), CancellationToken.None);
        }

        var read = EventLogReader.Read(path);
        Assert.False(read.TornTail);
        Assert.Equal(events.Count, read.Events.Count);
        Assert.Equal(RunEnded.Reasons.Cancelled, ((RunEnded)read.Events[^1]).Reason);
    }
}
