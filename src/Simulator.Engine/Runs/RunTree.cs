using System.Globalization;
using Simulator.Core.Events;
using Simulator.Core.Validation;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Runs;

/// <summary>
/// The runs of a runs folder as trees: each run with its branches (runs whose manifest names it as
/// parent). A run whose parent is not in the folder is a root. Depth is bounded by
/// <see cref="RunHistory.MaxDepth"/>.
/// </summary>
public sealed class RunTree
{
    private readonly Dictionary<string, RunManifest> _byId;
    private readonly ILookup<string, RunManifest> _children;
    private readonly Dictionary<string, BranchStarted> _forks = new(StringComparer.Ordinal);

    private RunTree(IReadOnlyList<RunManifest> runs)
    {
        _byId = runs.ToDictionary(m => m.RunId, StringComparer.Ordinal);
        _children = runs.Where(m => m.ParentRunId is not null && _byId.ContainsKey(m.ParentRunId)).ToLookup(m => m.ParentRunId!, StringComparer.Ordinal);
        Roots = [.. runs.Where(m => m.ParentRunId is null || !_byId.ContainsKey(m.ParentRunId))];
    }

    /// <summary>The runs no other run of the folder is the parent of, oldest first.</summary>
    public IReadOnlyList<RunManifest> Roots { get; }

    /// <summary>The trees of the runs in <paramref name="store"/> (unreadable runs left out).</summary>
    public static RunTree Of(RunStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var runs = store.List().Runs;
        var tree = new RunTree([.. runs.Select(r => r.Manifest)]);

        // What a branch changed beyond its configuration (a patient message put in, state set) is in its log's first event.
        foreach (var (folder, manifest) in runs.Where(r => r.Manifest.ParentRunId is not null))
        {
            try
            {
                if (EventLogReader.Read(folder.EventsPath).Events.OfType<BranchStarted>().FirstOrDefault() is { } fork)
                {
                    tree._forks[manifest.RunId] = fork;
                }
            }
            catch (Exception ex) when (ex is InvalidInputException or IOException)
            {
                // An unreadable log shows no edits; the run's own commands say what is wrong with it.
            }
        }

        return tree;
    }

    /// <summary>The fork <paramref name="run"/> starts from, if it is a branch whose log could be read.</summary>
    public BranchStarted? ForkOf(RunManifest run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return _forks.GetValueOrDefault(run.RunId);
    }

    /// <summary>The run <paramref name="runId"/>, or null when the folder has no readable run by that id.</summary>
    public RunManifest? Find(string runId) => _byId.GetValueOrDefault(runId);

    /// <summary>The branches of <paramref name="run"/>, oldest first.</summary>
    public IReadOnlyList<RunManifest> Children(RunManifest run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return [.. _children[run.RunId]];
    }

    /// <summary>The root of the tree <paramref name="run"/> belongs to.</summary>
    public RunManifest RootOf(RunManifest run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var root = run;
        for (var depth = 0; root.ParentRunId is { } p && _byId.TryGetValue(p, out var parent) && depth < RunHistory.MaxDepth; depth++)
        {
            root = parent;
        }

        return root;
    }

    /// <summary>
    /// One line about <paramref name="run"/>: what it changed from <paramref name="parent"/> (its
    /// therapist when it is a root; the patient message put in and the state set at the fork, from
    /// <paramref name="fork"/>), then its turns and status.
    /// </summary>
    public static string Describe(RunManifest run, RunManifest? parent, BranchStarted? fork = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var c = run.Configuration;
        var p = parent?.Configuration;
        var changes = new List<string>();
        if (p is null || c.Therapist != p.Therapist)
        {
            changes.Add(c.Therapist);
        }

        if (p is not null && c.Protocol != p.Protocol)
        {
            changes.Add($"protocol {c.Protocol}");
        }

        if (p is not null && c.Style != p.Style)
        {
            changes.Add($"style {c.Style}");
        }

        if (p is not null ? c.Guard != p.Guard : c.Guard)
        {
            changes.Add(c.Guard ? "guard on" : "guard off");
        }

        if (fork?.InjectedPatientMessage is { } message)
        {
            changes.Add($"patient message put in at turn {fork.Turn + 1}: \"{Short(message)}\"");
        }

        if (fork is { SetState.Count: > 0 })
        {
            changes.Add($"set {string.Join(", ", fork.SetState.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value:0.###}")))} at turn {fork.Turn + 1}");
        }

        return $"{string.Join(", ", changes.DefaultIfEmpty("same settings"))}  {run.TurnsCompleted}/{c.TotalTurns} {run.Status}";
    }

    private static string Short(string text)
    {
        var line = string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 40 ? line : line[..39] + "…";
    }
}
