using Simulator.Engine.Runs;

namespace Simulator.Engine.Studies;

/// <summary>
/// Where a study's sessions run (DESIGN §11): in this process (<see cref="LocalSessionExecutor"/>) or
/// on a cluster. The study runner checks the study, skips complete runs and writes the summary; the
/// executor runs the rest — each new, or continued from its log — into the study folder and reports
/// each run's end as it happens. Cancellation stops every run after its current turn.
/// </summary>
public interface ISessionExecutor
{
    /// <summary>Runs every session of <paramref name="batch"/>, counting in <paramref name="progress"/>.</summary>
    Task ExecuteAsync(SessionBatch batch, StudyProgress progress, SessionEnded ended, CancellationToken cancellationToken);
}

/// <summary>The sessions an executor is handed: the study folder (every node must reach it), the runs, and how many at once.</summary>
/// <param name="Folder">The study folder, an absolute path: the runs root of every run.</param>
/// <param name="Work">The runs to execute, each with its index in the study.</param>
/// <param name="Concurrency">Runs in progress at once, or null for the executor's own default.</param>
public sealed record SessionBatch(string Folder, IReadOnlyList<SessionWork> Work, int? Concurrency);

/// <summary>One run to execute: its index in the study's jobs, and the job.</summary>
public sealed record SessionWork(int Index, Core.Studies.StudyJob Job);

/// <summary>
/// Called once for each run that ended, however: <paramref name="result"/> is its result (null when it
/// did not get one), <paramref name="error"/> why it failed (null when it did not), both null for a run
/// stopped by cancellation before it began.
/// </summary>
public delegate void SessionEnded(int index, RunResult? result, string? error);
