using Simulator.Engine.Runs;
using Simulator.Reports.Html;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Reports;

/// <summary>The run trees a report shows: the trees the report's runs belong to, with those runs highlighted.</summary>
public static class RunTreeView
{
    /// <summary>At most this many nodes are drawn; the rest are counted.</summary>
    public const int MaxNodes = 500;

    /// <summary>The trees of <paramref name="store"/> that hold any of <paramref name="runIds"/>, and how many runs were left out.</summary>
    public static (IReadOnlyList<ReportTreeNode> Roots, int LeftOut) Of(RunStore store, IReadOnlyCollection<string> runIds)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        var tree = RunTree.Of(store);
        var roots = runIds.Select(tree.Find).OfType<RunManifest>().Select(tree.RootOf).DistinctBy(r => r.RunId).ToList();
        var budget = MaxNodes;
        var nodes = new List<ReportTreeNode>();
        var leftOut = 0;
        foreach (var root in roots)
        {
            if (budget <= 0)
            {
                leftOut++;
                continue;
            }

            nodes.Add(Node(tree, root, null, runIds, 1, ref budget, ref leftOut));
        }

        return (nodes, leftOut);
    }

    private static ReportTreeNode Node(RunTree tree, RunManifest run, RunManifest? parent, IReadOnlyCollection<string> highlighted, int depth, ref int budget, ref int leftOut)
    {
        budget--;
        var children = new List<ReportTreeNode>();
        foreach (var child in tree.Children(run))
        {
            if (budget <= 0 || depth > RunHistory.MaxDepth)
            {
                leftOut++;
                continue;
            }

            children.Add(Node(tree, child, run, highlighted, depth + 1, ref budget, ref leftOut));
        }

        var fork = parent is null ? "" : $"  @{run.ParentTurn}";
        return new ReportTreeNode($"{run.RunId}{fork}  {RunTree.Describe(run, parent, tree.ForkOf(run))}", highlighted.Contains(run.RunId), children);
    }
}
