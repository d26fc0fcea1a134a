namespace Simulator.Storage.Runs;

/// <summary>The files of one run.</summary>
public sealed record RunFolder(string RunId, string Path)
{
    /// <summary><c>manifest.json</c>.</summary>
    public string ManifestPath => System.IO.Path.Combine(Path, "manifest.json");

    /// <summary><c>events.msgpack</c>, the source of truth.</summary>
    public string EventsPath => System.IO.Path.Combine(Path, "events.msgpack");

    /// <summary><c>transcript.md</c>, derived from the log.</summary>
    public string TranscriptPath => System.IO.Path.Combine(Path, "transcript.md");
}
