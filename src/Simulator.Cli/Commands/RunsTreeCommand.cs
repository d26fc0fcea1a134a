using System.CommandLine;
using Simulator.Core.Validation;
using Simulator.Engine.Runs;
using Simulator.Storage.Runs;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator runs tree [run]</c>: runs and their branches as trees, with what each branch changed.</summary>
internal static class RunsTreeCommand
{
    public static Command Create(Func<ParseResult, RunStore> store, Func<ParseResult, string, (RunStore Store, RunFolder Folder)> find, Option<string?> runs)
    {
        var run = new Argument<string?>("run") { Description = "Draw only the tree this run belongs to", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("tree", "Draw runs and their branches as trees") { run, runs };
        command.SetAction(parse => CommandAction.Guard(() =>
        {
            var named = parse.GetValue(run) is { } id ? find(parse, id) : ((RunStore, RunFolder)?)null;
            var tree = RunTree.Of(named?.Item1 ?? store(parse));
            var roots = tree.Roots;
            if (named is { } n)
            {
                roots = [tree.RootOf(tree.Find(n.Item2.RunId) ?? throw new InvalidInputException("the run's manifest cannot be read", field: "run"))];
            }

            foreach (var root in roots)
            {
                Console.Out.WriteLine($"{root.RunId}  {RunTree.Describe(root, null)}");
                Draw(tree, root, "", 1);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Draw(RunTree tree, RunManifest node, string indent, int depth)
    {
        var kids = tree.Children(node);
        for (var i = 0; i < kids.Count && depth <= RunHistory.MaxDepth; i++)
        {
            var last = i == kids.Count - 1;
            Console.Out.WriteLine($"{indent}{(last ? "└── " : "├── ")}{kids[i].RunId}  @{kids[i].ParentTurn}  {RunTree.Describe(kids[i], node, tree.ForkOf(kids[i]))}");
            Draw(tree, kids[i], indent + (last ? "    " : "│   "), depth + 1);
        }
    }
}
