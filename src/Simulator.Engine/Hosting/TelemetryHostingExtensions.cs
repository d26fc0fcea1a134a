using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Simulator.Core.Validation;
using Simulator.Models.Pipeline;

namespace Simulator.Engine.Hosting;

/// <summary>Exports the traces and metrics of runs, turns and model calls over OTLP, when an endpoint is configured.</summary>
public static class TelemetryHostingExtensions
{
    /// <summary>The configuration key of the OTLP endpoint (<c>--otlp</c> on the command line).</summary>
    public const string OtlpKey = "Telemetry:Otlp";

    /// <summary>
    /// When <see cref="OtlpKey"/> holds an http(s) URL, exports spans to <c>&lt;url&gt;/v1/traces</c> and metrics to
    /// <c>&lt;url&gt;/v1/metrics</c> over OTLP HTTP/protobuf: the engine's (<see cref="EngineTelemetry"/>) and the model
    /// calls' (GenAI semantic conventions). Without it, nothing is added and nothing is recorded.
    /// </summary>
    public static IServiceCollection AddSimulatorTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[OtlpKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return services;
        }

        if (!Uri.TryCreate(value.TrimEnd('/') + "/", UriKind.Absolute, out var root) || (root.Scheme != Uri.UriSchemeHttp && root.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidInputException($"'{value}' is not an http(s) URL of an OTLP receiver", field: "--otlp");
        }

        // Relative to the URL's own path, so a receiver behind a prefix (http://host/otel) gets http://host/otel/v1/traces.
        var traces = new Uri(root, "v1/traces");
        var metrics = new Uri(root, "v1/metrics");
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("simulator"))
            .WithTracing(t => t
                .AddSource(EngineTelemetry.SourceName, ModelTelemetry.SourceName)
                .AddProcessor(new RunIdSpanProcessor())
                .AddOtlpExporter(o =>
                {
                    o.Endpoint = traces;
                    o.Protocol = OtlpExportProtocol.HttpProtobuf;
                }))
            .WithMetrics(m => m
                .AddMeter(EngineTelemetry.SourceName, ModelTelemetry.SourceName)
                .AddOtlpExporter(o =>
                {
                    o.Endpoint = metrics;
                    o.Protocol = OtlpExportProtocol.HttpProtobuf;
                }));
        return services;
    }
}
