using System.Reflection;
using Simulator.Core.Labels;
using Simulator.Core.Validation;

namespace Simulator.Monitoring.Learned;

/// <summary>
/// A set of learned heads with the feature recipe they were fitted on (<c>heads.json</c>): the heads shipped in
/// the program (fitted by <c>simulator monitor fit</c> on Moore et al., the two shared Spiral-Bench files and the
/// project's own labelled replies; see docs/VALIDATION.md), or a file a user fitted to their own judge.
/// </summary>
public sealed class HeadSet
{
    /// <summary>The resource the shipped heads are embedded as.</summary>
    public const string ShippedResource = "Simulator.Monitoring.Learned.heads.json";

    /// <summary>The ridge penalty the shipped heads were fitted with.</summary>
    public const double DefaultLambda = HeadFitter.DefaultLambda;

    private static readonly Lazy<HeadSet> LazyShipped = new(LoadShipped);

    internal HeadSet(FeatureSpec spec, IReadOnlyList<LinearHead> heads, IReadOnlyList<TrainingSource> sources, string origin)
    {
        Spec = spec;
        Heads = heads;
        Sources = sources;
        Origin = origin;
    }

    /// <summary>The heads shipped in the program (none when the program was built without them).</summary>
    public static HeadSet Shipped => LazyShipped.Value;

    /// <summary>The metrics this set has a head for.</summary>
    public IReadOnlyList<string> MetricNames => [.. Heads.Select(h => h.Metric)];

    /// <summary>The labelled files the heads were fitted on.</summary>
    public IReadOnlyList<TrainingSource> Sources { get; }

    /// <summary>Where the set came from: <c>shipped</c>, a file path, or <c>fitted</c>.</summary>
    public string Origin { get; }

    internal FeatureSpec Spec { get; }

    internal IReadOnlyList<LinearHead> Heads { get; }

    /// <summary>
    /// Fits heads to <paramref name="conversations"/> (every metric of the learned layer their labels teach, see
    /// <c>HeadTargets</c>), with ridge penalty <paramref name="lambda"/>; <paramref name="sources"/> names the files.
    /// </summary>
    public static HeadSet Fit(IReadOnlyList<LabelledConversation> conversations, IReadOnlyList<TrainingSource> sources, double lambda = DefaultLambda)
    {
        var spec = FeatureSpec.Default;
        return new HeadSet(spec, HeadFitter.Fit(LabelledTurn.Of(conversations, spec), spec, lambda), sources, "fitted");
    }

    /// <summary>What each head learned from, as a line per head: metric, labels, turns and conversations.</summary>
    public IReadOnlyList<string> Describe() =>
        [.. Heads.Select(h => $"{h.Metric}: from {h.Facts.Target}, {h.Facts.Turns} turns of {h.Facts.Conversations} conversations, {h.HashedUnits.Count} n-gram weights")];

    /// <summary>Reads a heads file; a file that is not one is an <see cref="InvalidInputException"/> naming it and the field.</summary>
    public static HeadSet Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException("file not found", path);
        }

        using var stream = File.OpenRead(path);
        return HeadSetFile.Read(stream, path);
    }

    /// <summary>Writes the set to <paramref name="path"/> (beside it, then renamed into place).</summary>
    public void Write(string path)
    {
        var partial = path + ".partial";
        using (var stream = File.Create(partial))
        {
            HeadSetFile.Write(this, stream);
        }

        File.Move(partial, path, overwrite: true);
    }

    /// <summary>The file's bytes.</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        HeadSetFile.Write(this, buffer);
        return buffer.ToArray();
    }

    private static HeadSet LoadShipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ShippedResource);
        return stream is null ? new HeadSet(FeatureSpec.Default, [], [], "shipped") : HeadSetFile.Read(stream, "shipped");
    }
}

/// <summary>A labelled file a head set was fitted on: its name, its SHA-256, and what it held.</summary>
/// <param name="Name">The file's name.</param>
/// <param name="Sha256">The file's SHA-256, lowercase hex.</param>
/// <param name="Conversations">Its conversations.</param>
/// <param name="Turns">Its labelled turns.</param>
public sealed record TrainingSource(string Name, string Sha256, int Conversations, int Turns);
