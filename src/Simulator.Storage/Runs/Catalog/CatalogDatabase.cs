using Microsoft.Data.Sqlite;

namespace Simulator.Storage.Runs.Catalog;

/// <summary>
/// Opens <c>catalog.db</c>: write-ahead logging so readers and one writer run at once, a busy
/// timeout so concurrent writers wait for each other, and the schema of <see cref="CatalogSchema"/>
/// (created, or dropped and recreated when its version differs).
/// </summary>
internal static class CatalogDatabase
{
    // SQLite primary result codes.
    private const int Corrupt = 11;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    /// <summary>How long a writer waits for another process's transaction, in seconds.</summary>
    private const int BusyTimeoutSeconds = 30;

    /// <summary>Opens (creating if need be) the catalog file at <paramref name="path"/>.</summary>
    public static SqliteConnection OpenFile(string path) => Open(new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
        DefaultTimeout = BusyTimeoutSeconds,
    }.ToString(), wal: true);

    /// <summary>Opens an empty catalog in memory, for when the file cannot be used.</summary>
    public static SqliteConnection OpenInMemory() => Open("Data Source=:memory:", wal: false);

    /// <summary>True when the file is damaged or not a database: it is then deleted and rebuilt.</summary>
    public static bool IsDamage(SqliteException ex) => ex.SqliteErrorCode is Corrupt or NotADatabase or CantOpen;

    /// <summary>Deletes the catalog and its write-ahead files; what cannot be deleted is left (the next open fails over to memory).</summary>
    public static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Left in place: opening it again fails and the catalog is built in memory.
            }
        }
    }

    private static SqliteConnection Open(string connectionString, bool wal)
    {
        var db = new SqliteConnection(connectionString);
        try
        {
            db.Open();
            if (wal)
            {
                Execute(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
            }

            EnsureSchema(db);
            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    private static void EnsureSchema(SqliteConnection db)
    {
        if (UserVersion(db) == CatalogSchema.Version)
        {
            return;
        }

        // Immediate: take the write lock first, then look again, so two processes do not both rebuild.
        using var tx = db.BeginTransaction(deferred: false);
        if (UserVersion(db) != CatalogSchema.Version)
        {
            var drop = new List<string>();
            using (var list = db.CreateCommand())
            {
                list.CommandText = "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'";
                using var reader = list.ExecuteReader();
                while (reader.Read())
                {
                    drop.Add($"DROP {reader.GetString(0).ToUpperInvariant()} IF EXISTS \"{reader.GetString(1).Replace("\"", "\"\"", StringComparison.Ordinal)}\";");
                }
            }

            Execute(db, string.Concat(drop) + CatalogSchema.Create);
        }

        tx.Commit();
    }

    private static long UserVersion(SqliteConnection db)
    {
        using var command = db.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
