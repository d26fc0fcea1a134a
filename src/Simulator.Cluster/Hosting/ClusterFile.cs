using System.Net;
using System.Text.RegularExpressions;
using Npgsql;
using Simulator.Core.Validation;
using Simulator.Storage.Yaml;

namespace Simulator.Cluster.Hosting;

/// <summary>
/// Reads a cluster file (<c>cluster.yaml</c>): YAML with the fields <c>cluster</c>, <c>service</c>,
/// <c>postgres</c>, <c>password_variable</c>, <c>host</c>, <c>probe_seconds</c> and <c>missed_probes</c>.
/// Every problem is an <see cref="InvalidInputException"/> naming the file, line and field.
/// </summary>
public static partial class ClusterFile
{
    /// <summary>The shortest probe timeout accepted, in seconds.</summary>
    public const double MinProbeSeconds = 0.5;

    /// <summary>The longest probe timeout accepted, in seconds.</summary>
    public const double MaxProbeSeconds = 60;

    /// <summary>The fewest missed probes that may suspect a node.</summary>
    public const int MinMissedProbes = 1;

    /// <summary>The most missed probes that may be asked for before a node is suspected.</summary>
    public const int MaxMissedProbes = 10;

    /// <summary>The longest cluster or service id (the membership and state tables hold 150 characters).</summary>
    public const int MaxIdLength = 150;

    /// <summary>Loads and checks the cluster file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidInputException">The file is missing, is not valid YAML, has an unknown field or breaks a rule.</exception>
    public static ClusterConfig Load(string path) =>
        YamlDocumentLoader.Load<ClusterConfig>(path, Validate) with { File = path };

    /// <summary>The rules of a cluster file, each naming the field it is about.</summary>
    public static IReadOnlyList<ValidationIssue> Validate(ClusterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var issues = new List<ValidationIssue>();
        CheckId(config.Cluster, "cluster", issues);
        CheckId(config.Service, "service", issues);
        CheckPostgres(config.Postgres, issues);
        if (config.PasswordVariable is { } variable && !VariableName().IsMatch(variable))
        {
            issues.Add(new ValidationIssue("password_variable", $"'{variable}' is not an environment variable name (letters, digits and '_', not starting with a digit)"));
        }

        if (!IsHost(config.Host))
        {
            issues.Add(new ValidationIssue("host", $"'{config.Host}' is neither an IP address nor a host name"));
        }
        else if (IPAddress.TryParse(config.Host, out var address) && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)))
        {
            issues.Add(new ValidationIssue("host", "nodes advertise this address to each other: give one they can reach, not the any-address"));
        }

        if (!(config.ProbeSeconds >= MinProbeSeconds && config.ProbeSeconds <= MaxProbeSeconds))
        {
            issues.Add(new ValidationIssue("probe_seconds", $"must be between {MinProbeSeconds} and {MaxProbeSeconds} seconds, not {config.ProbeSeconds}"));
        }

        if (config.MissedProbes is < MinMissedProbes or > MaxMissedProbes)
        {
            issues.Add(new ValidationIssue("missed_probes", $"must be between {MinMissedProbes} and {MaxMissedProbes}, not {config.MissedProbes}"));
        }

        return issues;
    }

    private static void CheckId(string id, string field, List<ValidationIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            issues.Add(new ValidationIssue(field, "must not be empty"));
        }
        else if (id.Length > MaxIdLength)
        {
            issues.Add(new ValidationIssue(field, $"must be at most {MaxIdLength} characters"));
        }
    }

    private static void CheckPostgres(string postgres, List<ValidationIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(postgres))
        {
            issues.Add(new ValidationIssue("postgres", "is required: an Npgsql connection string such as 'Host=127.0.0.1;Port=5432;Database=simulator;Username=simulator'"));
            return;
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(postgres);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            issues.Add(new ValidationIssue("postgres", $"is not an Npgsql connection string: {ex.Message.Split(" (Parameter", 2)[0]}"));
            return;
        }

        if (!string.IsNullOrEmpty(builder.Password) || !string.IsNullOrEmpty(builder.Passfile))
        {
            issues.Add(new ValidationIssue("postgres", "must not hold a password: name the environment variable that holds it in password_variable"));
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            issues.Add(new ValidationIssue("postgres", "names no server: add Host=..."));
        }
    }

    private static bool IsHost(string host) =>
        !string.IsNullOrWhiteSpace(host)
        && (IPAddress.TryParse(host, out _) || Uri.CheckHostName(host) == UriHostNameType.Dns);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
