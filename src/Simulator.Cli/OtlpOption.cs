using System.CommandLine;

namespace Simulator.Cli;

/// <summary>
/// <c>--otlp &lt;url&gt;</c>, a global option: export the traces and metrics of runs, turns and model calls to an OTLP
/// receiver (HTTP/protobuf, <c>&lt;url&gt;/v1/traces</c> and <c>&lt;url&gt;/v1/metrics</c>); the same as the
/// configuration key <c>Telemetry:Otlp</c>. Read before the host is built, since the exporters are part of it.
/// </summary>
internal static class OtlpOption
{
    private const string Name = "--otlp";

    /// <summary>The option, for parsing and help.</summary>
    public static Option<string> Create() => new(Name)
    {
        Description = "Export traces and metrics of runs, turns and model calls over OTLP HTTP/protobuf to <url>/v1/traces and <url>/v1/metrics (configuration Telemetry:Otlp)",
        HelpName = "url",
        Recursive = true,
    };

    /// <summary>The value given to <c>--otlp</c> (as <c>--otlp url</c> or <c>--otlp=url</c>), or null.</summary>
    public static string? Find(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--")
            {
                break;
            }

            if (args[i] == Name && i + 1 < args.Count)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith(Name + "=", StringComparison.Ordinal))
            {
                return args[i][(Name.Length + 1)..];
            }
        }

        return null;
    }
}
