namespace Simulator.Tests.Shared;

/// <summary>Finds the repository's data folders from a test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Personas => Path.Combine(Root, "personas");

    public static string Protocols => Path.Combine(Root, "protocols", "therapy");

    public static string Rubrics => Path.Combine(Root, "protocols", "rubrics");

    public static string Studies => Path.Combine(Root, "protocols", "studies");

    public static string Persona(string id) => Path.Combine(Personas, id + ".yaml");

    /// <summary>A fresh empty folder under the system temp folder.</summary>
    public static string TempFolder(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "simulator-tests", $"{name}-{Environment.ProcessId}-{Interlocked.Increment(ref _counter)}");
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        return path;
    }

    private static int _counter;

    /// <summary>How to start the built program with <paramref name="args"/> in <paramref name="workingDirectory"/>, its output redirected.</summary>
    public static System.Diagnostics.ProcessStartInfo Simulator(string workingDirectory, IEnumerable<string> args)
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(SimulatorProgram);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return info;
    }

    /// <summary>The built <c>simulator.dll</c> of the configuration the tests were built in; build the solution first.</summary>
    public static string SimulatorProgram
    {
        get
        {
            // tests/<project>/bin/<Configuration>/net10.0/ -> src/Simulator.Cli/bin/<Configuration>/net10.0/simulator.dll
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var path = Path.Combine(Root, "src", "Simulator.Cli", "bin", configuration, "net10.0", "simulator.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: simulator.dll not found.", path);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Simulator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Simulator.sln not found above the test folder.");
    }
}
