using Simulator.Agents.Prompts;
using Simulator.Core.Runs;
using Simulator.Storage.Catalogs;
using Simulator.Tests.Shared;

namespace Simulator.Engine.Tests;

/// <summary>
/// The LLM therapist's system prompt for every protocol × style, against committed snapshots in
/// <c>Snapshots/</c>. After an intended change, run the tests with <c>UPDATE_SNAPSHOTS=1</c> and review the diff.
/// </summary>
public class TherapistPromptSnapshotTests
{
    public static TheoryData<string, string> ProtocolsAndStyles()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in new ProtocolCatalog([RepoPaths.Protocols]).Files)
        {
            foreach (var style in RunConfiguration.Styles)
            {
                data.Add(Path.GetFileNameWithoutExtension(file), style);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProtocolsAndStyles))]
    public void Render_EveryProtocolAndStyle_MatchesItsSnapshot(string protocol, string style)
    {
        var document = new ProtocolCatalog([RepoPaths.Protocols]).Get(protocol).Document;
        var prompt = TherapistPrompt.Render(document, style);
        var snapshot = Path.Combine(RepoPaths.Root, "tests", "Simulator.Engine.Tests", "Snapshots", $"therapist-prompt.{protocol}.{style}.txt");

        Assert.DoesNotContain("{{", prompt);
        Assert.Contains(TherapistPrompt.StyleText(style), prompt);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
            File.WriteAllText(snapshot, prompt);
        }

        Assert.True(File.Exists(snapshot), $"no snapshot {snapshot}: run the tests with UPDATE_SNAPSHOTS=1 and review it");
        Assert.Equal(File.ReadAllText(snapshot), prompt);
    }
}
