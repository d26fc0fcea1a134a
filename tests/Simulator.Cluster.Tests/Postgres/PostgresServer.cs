using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Npgsql;
using Simulator.Cluster.Hosting;

namespace Simulator.Cluster.Tests.Postgres;

/// <summary>
/// A private PostgreSQL server for one test run: a fresh data folder (initdb) in the temp folder, listening
/// only on 127.0.0.1 at a free port with its socket in that folder, password (SCRAM) authentication over
/// TCP, stopped and deleted at the end. PostgreSQL refuses to run as root, so under root the server runs
/// as the <c>postgres</c> OS user. Share it through <see cref="PostgresCollection"/>; each test takes its
/// own database with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed partial class PostgresServer : IAsyncLifetime
{
    /// <summary>The environment variable (of this process, inherited by the nodes it starts) that holds the password of <see cref="User"/>.</summary>
    public const string PasswordVariable = "SIMULATOR_TEST_PG_PASSWORD";

    /// <summary>The role the cluster connects as: not a superuser, the owner of every database made here.</summary>
    public const string User = "simulator";

    /// <summary>The server's own address.</summary>
    public const string Host = "127.0.0.1";

    private const string Admin = "simulator_admin";
    private const string FolderPrefix = "simulator-pg-";
    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(60);
    private static int _instances;

    private string _bin = "";
    private string _root = "";
    private bool _asPostgresUser;
    private string _password = "";

    /// <summary>The TCP port the server listens on.</summary>
    public int Port { get; private set; }

    private string Data => Path.Combine(_root, "data");

    /// <summary>Starts the server; fails with what to install when PostgreSQL is missing.</summary>
    public async Task InitializeAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        _bin = await PostgresBinaries.FindAsync();
        _asPostgresUser = (await OsCommand.RunCheckedAsync("id", ["-u"], CommandLimit, limit.Token)).Trim() == "0";

        // Under root the server runs as postgres, which must reach the folder: not under /root.
        var temp = _asPostgresUser ? "/tmp" : Path.GetTempPath();
        await RemoveAbandonedAsync(temp, limit.Token);
        _root = Path.Combine(temp, $"{FolderPrefix}{Environment.ProcessId}-{Interlocked.Increment(ref _instances)}");
        Directory.CreateDirectory(Path.Combine(_root, "sockets"));
        _password = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var passwordFile = Path.Combine(_root, "password");
        await File.WriteAllTextAsync(passwordFile, _password, limit.Token);
        if (_asPostgresUser)
        {
            await OsCommand.RunCheckedAsync("chown", ["-R", "postgres:postgres", _root], CommandLimit, limit.Token);
        }

        await ServerCommandAsync("initdb", ["-D", Data, "-U", Admin, "--pwfile", passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"], limit.Token);
        File.Delete(passwordFile);
        Port = ClusterHosting.FreePort();
        await File.AppendAllTextAsync(Path.Combine(Data, "postgresql.conf"), $"""

            # A throwaway server for tests: loopback only, its socket in its own folder, no durability.
            listen_addresses = '{Host}'
            port = {Port}
            unix_socket_directories = '{Path.Combine(_root, "sockets")}'
            max_connections = 200
            shared_buffers = 32MB
            fsync = off
            synchronous_commit = off
            full_page_writes = off

            """, limit.Token);
        await ServerCommandAsync("pg_ctl", ["start", "-w", "-t", "60", "-D", Data, "-l", Path.Combine(_root, "server.log")], limit.Token);
        Environment.SetEnvironmentVariable(PasswordVariable, _password);
        await AdminAsync("postgres", $"CREATE ROLE {User} LOGIN PASSWORD '{_password}'", limit.Token);
    }

    /// <summary>Stops the server at once and deletes its folder.</summary>
    public async Task DisposeAsync()
    {
        if (_root.Length == 0)
        {
            return;
        }

        try
        {
            await ServerCommandAsync("pg_ctl", ["stop", "-m", "immediate", "-w", "-D", Data], CancellationToken.None);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>
    /// Creates an empty database owned by <see cref="User"/> and returns a cluster configuration on it (cluster and
    /// service ids named after it, the password in <see cref="PasswordVariable"/>). The schema is not applied.
    /// </summary>
    /// <param name="name">lower-case letters, digits and '_', unique in the test run, at most 63 characters.</param>
    public async Task<ClusterConfig> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a database name for tests: lower-case letters, digits and '_', at most 63", nameof(name));
        }

        await AdminAsync("postgres", $"CREATE DATABASE {name} OWNER {User}", cancellationToken);
        return new ClusterConfig
        {
            Cluster = name,
            Service = name,
            Postgres = $"Host={Host};Port={Port};Database={name};Username={User}",
            PasswordVariable = PasswordVariable,
        };
    }

    /// <summary>Opens a connection to <paramref name="database"/> as a superuser, for tests to look at what the cluster stored.</summary>
    public async Task<NpgsqlConnection> OpenAsync(string database, CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = Port,
            Database = database,
            Username = Admin,
            Password = _password,
            Pooling = false,
        }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task AdminAsync(string database, string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(database, cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs one of the server's programs, as the postgres OS user when this process is root.</summary>
    private Task<string> ServerCommandAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_bin, program);
        return _asPostgresUser
            ? OsCommand.RunCheckedAsync("runuser", ["-u", "postgres", "--", path, .. arguments], CommandLimit, cancellationToken)
            : OsCommand.RunCheckedAsync(path, arguments, CommandLimit, cancellationToken);
    }

    /// <summary>Stops and deletes the servers of earlier test runs that died before cleaning up.</summary>
    private async Task RemoveAbandonedAsync(string temp, CancellationToken cancellationToken)
    {
        foreach (var folder in Directory.GetDirectories(temp, FolderPrefix + "*"))
        {
            var owner = OwnerProcess().Match(Path.GetFileName(folder));
            if (!owner.Success || IsRunning(int.Parse(owner.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))
            {
                continue;
            }

            try
            {
                var data = Path.Combine(folder, "data");
                if (File.Exists(Path.Combine(data, "postmaster.pid")))
                {
                    await ServerCommandAsync("pg_ctl", ["stop", "-m", "immediate", "-w", "-D", data], cancellationToken);
                }

                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or TimeoutException)
            {
                // Left for a later run: someone else's folder, or a server that would not stop.
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();

    [GeneratedRegex(@"^simulator-pg-(\d+)-\d+$")]
    private static partial Regex OwnerProcess();
}
