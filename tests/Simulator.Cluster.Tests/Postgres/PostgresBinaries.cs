namespace Simulator.Cluster.Tests.Postgres;

/// <summary>Finds PostgreSQL's server programs (initdb, pg_ctl) on this machine.</summary>
internal static class PostgresBinaries
{
    /// <summary>An environment variable that may name the folder of the server programs, before any other place is searched.</summary>
    public const string FolderVariable = "SIMULATOR_PG_BIN";

    /// <summary>The folder holding initdb and pg_ctl.</summary>
    /// <exception cref="InvalidOperationException">No PostgreSQL server is installed.</exception>
    public static async Task<string> FindAsync()
    {
        foreach (var folder in await CandidatesAsync())
        {
            if (File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException(
            "PostgreSQL's server programs (initdb, pg_ctl) were not found: the cluster tests start a private PostgreSQL " +
            "from them. Install Debian's postgresql package (apt-get install postgresql; .ci/run does), or set " +
            $"{FolderVariable} to the folder that holds them.");
    }

    private static async Task<List<string>> CandidatesAsync()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } named)
        {
            candidates.Add(named);
        }

        // Debian installs each major version under /usr/lib/postgresql/N/bin; the newest comes first.
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Folder: Path.Combine(d, "bin"), Major: int.TryParse(Path.GetFileName(d), out var n) ? n : 0))
                .OrderByDescending(x => x.Major)
                .Select(x => x.Folder));
        }

        try
        {
            var (code, output) = await OsCommand.RunAsync("pg_config", ["--bindir"], TimeSpan.FromSeconds(10));
            if (code == 0)
            {
                candidates.Add(output.Trim());
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No pg_config on the PATH.
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initdb = new FileInfo(Path.Combine(folder, "initdb"));
            if (initdb.Exists)
            {
                // A link on the PATH (e.g. /usr/local/bin/initdb) stands for the folder it points into.
                var target = initdb.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb.FullName;
                candidates.Add(Path.GetDirectoryName(target)!);
            }
        }

        return candidates;
    }
}
