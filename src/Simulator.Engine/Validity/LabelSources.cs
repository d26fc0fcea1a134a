using System.Security.Cryptography;
using Simulator.Core.Labels;
using Simulator.Monitoring.Learned;
using Simulator.Storage.Labels;

namespace Simulator.Engine.Validity;

/// <summary>The labelled conversations of the files a user names for <c>monitor fit</c> and <c>monitor validate</c>, with what each file held.</summary>
public static class LabelSources
{
    /// <summary>Reads every file of <paramref name="paths"/> (see <see cref="LabelFiles"/>), in order.</summary>
    public static (IReadOnlyList<LabelledConversation> Conversations, IReadOnlyList<TrainingSource> Sources) Read(IReadOnlyList<string> paths)
    {
        var conversations = new List<LabelledConversation>();
        var sources = new List<TrainingSource>();
        foreach (var path in paths)
        {
            var read = LabelFiles.Read(path);
            conversations.AddRange(read);
            using var stream = File.OpenRead(path);
            sources.Add(new TrainingSource(Path.GetFileName(path), Convert.ToHexStringLower(SHA256.HashData(stream)), read.Count, read.Sum(c => c.Labels.Count)));
        }

        return (conversations, sources);
    }
}
