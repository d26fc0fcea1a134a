using System.Text.Json;

namespace Simulator.Tests.Shared;

/// <summary>Reads run folders' manifests as they are being written by another process.</summary>
internal static class RunManifests
{
    /// <summary>Runs in <paramref name="folder"/> whose manifest says <c>completed</c> (0 while the folder does not exist).</summary>
    public static int Completed(string folder) => !Directory.Exists(folder) ? 0 : Directory.GetDirectories(folder)
        .Select(d => Path.Combine(d, "manifest.json"))
        .Count(m => File.Exists(m) && Status(m) == "completed");

    private static string? Status(string manifest)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(manifest)).RootElement.GetProperty("status").GetString();
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return null;   // being replaced right now
        }
    }
}
