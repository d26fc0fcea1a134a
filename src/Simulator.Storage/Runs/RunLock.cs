using Simulator.Core.Validation;

namespace Simulator.Storage.Runs;

/// <summary>
/// Exclusive use of a run folder while a process writes to it (running, resuming, rescoring): an
/// open <c>run.lock</c> no other process can open. The operating system releases it when the
/// process dies, so a killed run can be resumed at once.
/// </summary>
public sealed class RunLock : IDisposable
{
    private readonly FileStream _file;

    private RunLock(FileStream file) => _file = file;

    /// <summary>Takes the lock of <paramref name="folder"/>, or fails if another process holds it.</summary>
    public static RunLock Take(RunFolder folder)
    {
        var path = Path.Combine(folder.Path, "run.lock");
        try
        {
            return new RunLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex)
        {
            throw new InvalidInputException($"run {folder.RunId} is in use by another process", path, field: "run", inner: ex);
        }
    }

    /// <summary>
    /// The status to show for a run: a manifest that still says <c>starting</c> or <c>running</c> while no process holds
    /// the lock belongs to a run that was killed, which <c>resume</c> continues.
    /// </summary>
    public static string StatusOf(RunFolder folder, RunManifest manifest)
    {
        if (!RunStatus.IsActive(manifest.Status))
        {
            return manifest.Status;
        }

        try
        {
            using var probe = new FileStream(Path.Combine(folder.Path, "run.lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return RunStatus.Interrupted;
        }
        catch (FileNotFoundException)
        {
            return RunStatus.Interrupted;
        }
        catch (IOException)
        {
            return manifest.Status;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
