using Microsoft.Extensions.Options;
using Simulator.Engine.Hosting;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Runs;

/// <summary>
/// Where runs are kept: the run store of a runs folder, by default the configured one
/// (<see cref="SimulatorOptions.RunsPath"/>). The one place a store is opened for a command or a
/// run service, so none of them builds one from a path itself. Thread-safe; a store is cheap and holds no handle.
/// </summary>
public sealed class RunStores(IOptions<SimulatorOptions> options)
{
    /// <summary>The configured runs folder.</summary>
    public string DefaultRoot => options.Value.RunsPath;

    /// <summary>The store of <paramref name="runsRoot"/>, or of the configured runs folder when null.</summary>
    public RunStore Open(string? runsRoot) => new(runsRoot ?? DefaultRoot);

    /// <summary>The store that holds the run <paramref name="result"/> left.</summary>
    public RunStore Of(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new RunStore(Path.GetDirectoryName(result.Path)!);
    }
}
