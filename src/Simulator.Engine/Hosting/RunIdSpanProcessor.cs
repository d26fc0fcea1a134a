using System.Diagnostics;
using OpenTelemetry;

namespace Simulator.Engine.Hosting;

/// <summary>
/// Tags every exported span with the run it belongs to (the run id its run span put in the baggage), so a model
/// call's span, made by Microsoft.Extensions.AI, names its run in any backend without joining on the trace.
/// </summary>
internal sealed class RunIdSpanProcessor : BaseProcessor<Activity>
{
    /// <inheritdoc />
    public override void OnStart(Activity data)
    {
        if (data.GetTagItem(EngineTelemetry.RunIdTag) is null && data.GetBaggageItem(EngineTelemetry.RunIdTag) is { } runId)
        {
            data.SetTag(EngineTelemetry.RunIdTag, runId);
        }
    }
}
