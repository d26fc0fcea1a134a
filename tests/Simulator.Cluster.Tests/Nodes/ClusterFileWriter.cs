using System.Globalization;
using Simulator.Cluster.Hosting;

namespace Simulator.Cluster.Tests.Nodes;

/// <summary>Writes a <see cref="ClusterConfig"/> as a cluster file, for nodes started in other processes and for file tests.</summary>
public static class ClusterFileWriter
{
    /// <summary>Writes the file and returns the configuration as <see cref="ClusterFile.Load"/> would read it back.</summary>
    public static ClusterConfig Write(ClusterConfig config, string path)
    {
        var lines = new List<string>
        {
            $"cluster: {Quote(config.Cluster)}",
            $"service: {Quote(config.Service)}",
            $"postgres: {Quote(config.Postgres)}",
        };
        if (config.PasswordVariable is { } variable)
        {
            lines.Add($"password_variable: {Quote(variable)}");
        }

        lines.Add($"host: {Quote(config.Host)}");
        lines.Add($"probe_seconds: {config.ProbeSeconds.ToString(CultureInfo.InvariantCulture)}");
        lines.Add($"missed_probes: {config.MissedProbes.ToString(CultureInfo.InvariantCulture)}");
        File.WriteAllLines(path, lines);
        return config with { File = path };
    }

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
