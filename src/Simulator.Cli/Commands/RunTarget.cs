using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Simulator.Engine.Hosting;
using Simulator.Engine.Runs;
using Simulator.Storage.Runs;

namespace Simulator.Cli.Commands;

/// <summary>
/// The run a command was given (<see cref="RunArgument"/>: a run folder anywhere, or an id in the runs
/// folder) and the runs folder it is in; the log file follows it there.
/// </summary>
internal static class RunTarget
{
    /// <summary>The runs folder: <c>--runs</c>, else <c>Simulator:RunsPath</c>.</summary>
    public static string RunsRoot(IServiceProvider services, ParseResult parse, Option<string?> runs) =>
        parse.GetValue(runs) ?? services.GetRequiredService<RunStores>().DefaultRoot;

    /// <summary>
    /// The run <paramref name="argument"/> names, and its runs folder; with <paramref name="withoutManifest"/>
    /// a folder that holds a log but no manifest is accepted too (resume and repair recover it).
    /// </summary>
    public static (RunStore Store, RunFolder Folder) Find(IServiceProvider services, ParseResult parse, Option<string?> runs, string argument, bool withoutManifest = false)
    {
        var given = parse.GetValue(runs);
        var found = RunArgument.Find(argument, given ?? RunsRoot(services, parse, runs), given is not null, withoutManifest);
        LogFile.UseRunsFolder(found.Store.Root);
        return found;
    }

    /// <summary><paramref name="text"/> as one shell word: single-quoted when it holds anything but plain path characters.</summary>
    public static string Quoted(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ':' or '+' or '=' or ',' or '@')
            ? text
            : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>How to print <paramref name="path"/> so it can be typed back: relative when it is under the working folder, else absolute.</summary>
    public static string Display(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }
}
