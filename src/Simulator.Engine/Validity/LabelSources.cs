using System.Security.Cryptography;
using Simulator.Core.Labels;
using Simulator.Monitoring.Learned;
using Simulator.Storage.Catalogs;
using Simulator.Storage.Labels;

namespace Simulator.Engine.Validity;

/// <summary>The labelled conversations of the files a user names for <c>monitor fit</c> and <c>monitor validate</c>, with what each file held.</summary>
public static class LabelSources
{
    /// <summary>
    /// Reads every path of <paramref name="paths"/> in order: a file (see <see cref="LabelFiles"/>), or a run, study or
    /// runs folder (see <see cref="RunLabels"/>; its runs' persona and protocol found in the catalogs).
    /// </summary>
    public static (IReadOnlyList<LabelledConversation> Conversations, IReadOnlyList<TrainingSource> Sources) Read(
        IReadOnlyList<string> paths, PersonaCatalog personas, ProtocolCatalog protocols)
    {
        var conversations = new List<LabelledConversation>();
        var sources = new List<TrainingSource>();
        foreach (var path in paths)
        {
            var folder = RunLabels.IsRunsPath(path);
            var read = folder ? RunLabels.Read(path, personas, protocols) : LabelFiles.Read(path);
            conversations.AddRange(read);
            sources.Add(new TrainingSource(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)), folder ? Digest(read) : Digest(path), read.Count, read.Sum(c => c.Labels.Count)));
        }

        return (conversations, sources);
    }

    private static string Digest(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    // A folder of runs is identified by what it teaches: its turns and labels, in order.
    private static string Digest(IReadOnlyList<LabelledConversation> conversations)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var c in conversations)
        {
            foreach (var t in c.Turns)
            {
                sha.AppendData(System.Text.Encoding.UTF8.GetBytes(t.Patient + "\u0001" + t.Therapist + "\u0002"));
            }

            foreach (var l in c.Labels)
            {
                sha.AppendData(System.Text.Encoding.UTF8.GetBytes(string.Join(",", l.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => FormattableString.Invariant($"{l.Turn}:{v.Key}={v.Value}"))) + ";"));
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
