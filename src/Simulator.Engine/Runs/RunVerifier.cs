using Simulator.Core.Events;
using Simulator.Core.Transcripts;
using Simulator.Engine.Sessions;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Runs;

/// <summary>Re-executes a saved run in a scratch folder, to check it reproduces turn by turn.</summary>
public sealed class RunVerifier(RunResolver resolver, SessionRunner runner, TimeProvider clock)
{
    /// <summary>
    /// Runs <paramref name="run"/> again, calling its models with the recorded configuration and seeds
    /// (a branch: from its parent's turns, as it was made), in a scratch folder, and compares the
    /// content turn by turn with the saved log.
    /// </summary>
    public async Task<VerifyResult> VerifyAsync(string run, string? runsRoot, CancellationToken cancellationToken)
    {
        var store = runner.Store(runsRoot);
        var history = RunHistory.Load(store, store.Open(run));
        var recorded = RunTranscript.From(history.Events);
        var config = recorded.Configuration ?? history.Manifest.Configuration;
        var scratch = new RunStore(Path.Combine(Path.GetTempPath(), $"simulator-verify-{Environment.ProcessId}-{history.Folder.RunId}"));
        try
        {
            RunResult again;
            if (history.Fork is { } fork)
            {
                // The branch as it was made, with the inherited turns in its own log (the scratch folder has no parent).
                var (plan, _, _) = resolver.Resolve(fork.Configuration);
                var opening = RunHistory.Prefix(history.Events, fork.Turn).ToList();
                var manifest = history.Manifest with { ParentRunId = null, ParentTurn = null, CreatedAt = clock.GetUtcNow() };
                again = await runner.StartAsync(scratch, manifest, [], opening, plan, SessionPrefix.Of(opening, fork.Turn, fork.Turn + 1, fork), RunWatch.None, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var (plan, persona, protocol) = resolver.Resolve(config);
                again = await runner.StartNewAsync(scratch, plan, persona, protocol, RunWatch.None, cancellationToken).ConfigureAwait(false);
            }

            var reexecuted = RunHistory.Load(scratch, scratch.Open(again.RunId)).Events;
            var a = ContentHash.PerTurn(history.Events, EventSerializer.Serialize);
            var b = ContentHash.PerTurn(reexecuted, EventSerializer.Serialize);
            int? first = a.Keys.Union(b.Keys).Order().Cast<int?>().FirstOrDefault(t => a.GetValueOrDefault(t!.Value) != b.GetValueOrDefault(t.Value));
            return new VerifyResult(
                history.Folder.RunId,
                first is null,
                first,
                recorded.Turns.Count,
                again.Turns,
                ContentHash.Of(history.Events, EventSerializer.Serialize),
                again.ContentHash);
        }
        finally
        {
            if (Directory.Exists(scratch.Root))
            {
                Directory.Delete(scratch.Root, recursive: true);
            }
        }
    }
}
