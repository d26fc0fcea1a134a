using System.Net.Sockets;
using Npgsql;
using Simulator.Core.Validation;
using Simulator.Storage.Yaml;

namespace Simulator.Cluster.Hosting;

/// <summary>
/// The cluster's PostgreSQL database as a cluster file names it: connection settings with the password
/// taken from the environment, and database errors explained as problems with the file's fields.
/// Nothing here writes the password anywhere: not in messages, not in the connection string it shows.
/// </summary>
internal static class ClusterDatabase
{
    /// <summary>The application name the server shows for our connections, unless the file sets one.</summary>
    public const string ApplicationName = "simulator-cluster";

    /// <summary>Opens a pooled data source on the cluster's database.</summary>
    /// <exception cref="InvalidInputException">The connection string is malformed, or the password variable is not set.</exception>
    public static NpgsqlDataSource Open(ClusterConfig config) =>
        new NpgsqlDataSourceBuilder(Settings(config).ConnectionString).Build();

    /// <summary>The connection settings of <paramref name="config"/>, with the password from its variable if it names one.</summary>
    /// <exception cref="InvalidInputException">The connection string is malformed, or the password variable is not set.</exception>
    public static NpgsqlConnectionStringBuilder Settings(ClusterConfig config)
    {
        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = new NpgsqlConnectionStringBuilder(config.Postgres);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            throw Invalid(config, "postgres", "is not an Npgsql connection string", ex);
        }

        if (string.IsNullOrEmpty(settings.ApplicationName))
        {
            settings.ApplicationName = ApplicationName;
        }

        if (config.PasswordVariable is { Length: > 0 } variable)
        {
            var password = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrEmpty(password))
            {
                throw Invalid(config, "password_variable", $"the environment variable {variable}, which should hold the database password, is not set");
            }

            settings.Password = password;
        }

        return settings;
    }

    /// <summary>Whether <paramref name="ex"/> came from the database or the way to it (and is worth explaining).</summary>
    public static bool IsDatabaseProblem(Exception ex) => ex is NpgsqlException or SocketException;

    /// <summary>Turns a failure to reach or use the database into an error about the cluster file's field at fault.</summary>
    public static InvalidInputException Explain(ClusterConfig config, Exception ex)
    {
        var settings = new NpgsqlConnectionStringBuilder(config.Postgres);
        var server = $"{settings.Host}:{settings.Port}";
        var user = string.IsNullOrEmpty(settings.Username) ? "(the current OS user)" : $"'{settings.Username}'";
        var database = string.IsNullOrEmpty(settings.Database) ? "(named after the user)" : $"'{settings.Database}'";
        var (field, message) = ex switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword } when config.PasswordVariable is { } variable =>
                ("password_variable", $"PostgreSQL at {server} refused the password of user {user} (read from the environment variable {variable})"),
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword } =>
                ("password_variable", $"PostgreSQL at {server} asks user {user} for a password: name the environment variable that holds it in password_variable"),
            PostgresException { SqlState: PostgresErrorCodes.InvalidAuthorizationSpecification } pg =>
                ("postgres", $"PostgreSQL at {server} refused user {user}: {pg.MessageText} (see docs/cluster-setup.md for pg_hba.conf)"),
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
                ("postgres", $"database {database} does not exist on {server} (create it: see docs/cluster-setup.md)"),
            PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } pg =>
                ("postgres", $"user {user} may not create the cluster's tables in database {database}: {pg.MessageText} (make it the database's owner)"),
            PostgresException pg =>
                ("postgres", $"PostgreSQL at {server} answered error {pg.SqlState}: {pg.MessageText}"),
            NpgsqlException when ex.Message.Contains("No password has been provided", StringComparison.Ordinal) =>
                ("password_variable", $"PostgreSQL at {server} asks user {user} for a password: name the environment variable that holds it in password_variable"),
            _ when Find<SocketException>(ex) is { } socket =>
                ("postgres", $"cannot reach PostgreSQL at {server}: {socket.Message}"),
            _ when Find<TimeoutException>(ex) is not null =>
                ("postgres", $"cannot reach PostgreSQL at {server}: no answer within {settings.Timeout} s"),
            _ => ("postgres", $"cannot use PostgreSQL at {server}: {ex.Message}"),
        };
        return Invalid(config, field, message, ex);
    }

    /// <summary>An error about <paramref name="field"/> of the cluster file, located in the file when it came from one.</summary>
    public static InvalidInputException Invalid(ClusterConfig config, string field, string message, Exception? inner = null)
    {
        var file = string.IsNullOrEmpty(config.File) ? null : config.File;
        var line = file is null ? null : YamlDocumentLoader.LineOf(file, field);
        return new InvalidInputException(message, file, line, field, inner);
    }

    private static T? Find<T>(Exception? ex)
        where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T hit)
            {
                return hit;
            }
        }

        return null;
    }
}
