using System.Diagnostics;

namespace Simulator.Models.Pipeline;

/// <summary>The names under which model calls are traced and measured (OpenTelemetry GenAI semantic conventions).</summary>
public static class ModelTelemetry
{
    /// <summary>The activity source and meter of model calls, one span per call (<c>chat &lt;model&gt;</c>), whatever its attempts.</summary>
    public const string SourceName = "Simulator.Models";

    // Never starts an activity: it only asks whether a tracer listens to the source's name.
    private static readonly ActivitySource Probe = new(SourceName);

    /// <summary>
    /// True while a tracer listens to <see cref="SourceName"/>: only then do new clients carry Microsoft.Extensions.AI's
    /// <c>OpenTelemetryChatClient</c>, whose own activity source and meter would otherwise be made for every client for nothing.
    /// </summary>
    public static bool IsListened => Probe.HasListeners();
}
