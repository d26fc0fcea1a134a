using System.CommandLine;
using Simulator.Core.Validation;
using Simulator.Storage.Catalogs;

namespace Simulator.Cli.Commands;

/// <summary>The shared shape of <c>personas</c> and <c>protocols</c>: list, show, validate.</summary>
internal static class CatalogCommands
{
    /// <summary>Extra options of <c>show</c>, and a handler (given the <c>--json</c> flag) that takes over when it returns an exit code.</summary>
    public sealed record ShowExtension<T>(IReadOnlyList<Option> Options, Func<ParseResult, CatalogEntry<T>, bool, CancellationToken, Task<int?>> Handle);

    public static Command Create<T>(string name, string noun, Func<DocumentCatalog<T>> catalog, Func<CatalogEntry<T>, object> listRow, Func<CatalogEntry<T>, string> line, ShowExtension<T>? showExtension = null, string? header = null)
        where T : class
    {
        var json = new Option<bool>("--json") { Description = "Print JSON on standard output" };

        var list = new Command("list", $"List the {noun}s") { json };
        list.SetAction(parse => CommandAction.Guard(() =>
        {
            var (loaded, failed) = catalog().LoadAll();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(loaded.Select(listRow).ToList());
            }
            else
            {
                if (header is not null && loaded.Count > 0)
                {
                    Console.Out.WriteLine(header);
                }

                foreach (var entry in loaded)
                {
                    Console.Out.WriteLine(line(entry));
                }
            }

            foreach (var error in failed)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }

            return failed.Count == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
        }));

        var target = new Argument<string>(noun) { Description = $"{noun} id or YAML file" };
        var show = new Command("show", $"Show one {noun}") { target, json };
        foreach (var option in showExtension?.Options ?? [])
        {
            show.Add(option);
        }

        show.SetAction((parse, cancellationToken) => CommandAction.Guard(async () =>
        {
            var entry = catalog().Get(parse.GetValue(target)!);
            if (showExtension is not null && await showExtension.Handle(parse, entry, parse.GetValue(json), cancellationToken) is { } handled)
            {
                return handled;
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(new { file = entry.File, hash = entry.Hash, document = entry.Document });
            }
            else
            {
                Console.Out.WriteLine($"# {entry.File} (sha256 {entry.Hash[..12]})");
                Console.Out.Write(File.ReadAllText(entry.File));
            }

            return ExitCodes.Success;
        }));

        var files = new Argument<string[]>("files") { Description = $"{noun} files or ids (default: the whole catalog)", Arity = ArgumentArity.ZeroOrMore };
        var validate = new Command("validate", $"Validate {noun} files") { files, json };
        validate.SetAction(parse => CommandAction.Guard(() =>
        {
            var targets = parse.GetValue(files) is { Length: > 0 } given ? given : [.. catalog().Files];
            var results = new List<(string Target, string? Error)>();
            foreach (var t in targets)
            {
                try
                {
                    results.Add((catalog().Get(t).File, null));
                }
                catch (InvalidInputException ex)
                {
                    results.Add((t, ex.Message));
                }
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(new { valid = results.All(r => r.Error is null), results = results.Select(r => new { file = r.Target, ok = r.Error is null, error = r.Error }) });
            }
            else
            {
                foreach (var (t, error) in results)
                {
                    if (error is null)
                    {
                        Console.Out.WriteLine($"ok    {t}");
                    }
                    else
                    {
                        Console.Error.WriteLine($"error: {error}");
                    }
                }
            }

            return results.All(r => r.Error is null) ? ExitCodes.Success : ExitCodes.InvalidInput;
        }));

        return new Command(name, $"List, show and validate {noun}s") { list, show, validate };
    }
}
