using Microsoft.Extensions.DependencyInjection;
using Simulator.Core.Runs;
using Simulator.Core.Transcripts;
using Simulator.Engine.Exports;
using Simulator.Reports.Transcripts;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Tests.Exports;

/// <summary>The export formats as registered: one each, by name, and each renders a run's turns.</summary>
public class RunExporterTests
{
    [Fact]
    public void AddSimulator_RegistersEachBuiltInFormatOnce()
    {
        using var engine = new EngineFixture();

        var formats = engine.Get<IEnumerable<IRunExporter>>().Select(e => e.Format).ToList();

        Assert.Equal(["chat", "csv", "html", "jsonl", "md"], formats.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AddRunExporter_AnotherFormat_ListedBesideTheBuiltIns()
    {
        using var engine = new EngineFixture(services => services.AddRunExporter<UpperCaseExporter>());

        Assert.Contains(engine.Get<IEnumerable<IRunExporter>>(), e => e.Format == "upper");
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    [InlineData("md")]
    [InlineData("html")]
    [InlineData("chat")]
    public async Task WriteAsync_OneRun_WritesEveryTurn(string format)
    {
        using var engine = new EngineFixture();
        var result = await engine.Runs.RunAsync(new RunConfiguration { Persona = "special-bond", Therapist = "scripted:sycophantic", Turns = 4, Seed = 1 }, null, CancellationToken.None);
        var transcript = RunTranscript.From(EventLogReader.Read(new RunFolder(result.RunId, result.Path).EventsPath).Events);
        var exporter = engine.Get<IEnumerable<IRunExporter>>().Single(e => e.Format == format);

        using var text = new StringWriter();
        await exporter.WriteAsync(new ExportBatch([new ExportedRun(result.RunId, transcript)], null), text, CancellationToken.None);

        var written = text.ToString();
        var lines = written.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        switch (format)
        {
            case "jsonl":
                Assert.Equal(transcript.Turns.Count, lines.Length);
                break;
            case "csv":
                Assert.Equal(transcript.Turns.Count + 1, lines.Length);
                break;
            case "md":
                Assert.Equal(MarkdownTranscript.Render(result.RunId, transcript), written);
                break;
            case "html":
                Assert.Contains(result.RunId, written, StringComparison.Ordinal);
                break;
            default:
                using (var record = System.Text.Json.JsonDocument.Parse(Assert.Single(lines)))
                {
                    Assert.True(record.RootElement.GetProperty("messages").GetArrayLength() >= 2 * transcript.Turns.Count);
                }

                break;
        }
    }

    private sealed class UpperCaseExporter : IRunExporter
    {
        public string Format => "upper";

        public string Description => "the patient's lines in capitals";

        public string FileExtension => "txt";

        public async Task WriteAsync(ExportBatch batch, TextWriter output, CancellationToken cancellationToken)
        {
            foreach (var run in batch.Runs)
            {
                foreach (var turn in run.Transcript.Turns)
                {
                    await output.WriteLineAsync(turn.Patient.ToUpperInvariant());
                }
            }
        }
    }
}
