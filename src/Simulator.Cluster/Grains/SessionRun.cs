using MessagePack;
using Simulator.Core.Runs;
using Simulator.Engine.Runs;
using Simulator.Engine.Studies;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;

namespace Simulator.Cluster.Grains;

/// <summary>
/// One session running on this node, off any grain's scheduler: the run (new, or continued from its
/// log), its live counters, and its end report once it has one.
/// </summary>
internal sealed class SessionRun : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SiloAddress _node;
    private readonly SessionOrder _order;
    private readonly RunTally _tally = new();
    private SessionReport? _ended;

    private SessionRun(SessionOrder order, SiloAddress node)
    {
        _order = order;
        _node = node;
    }

    /// <summary>The run, ending with its report (it never throws).</summary>
    public Task<SessionReport> Completion { get; private set; } = null!;

    /// <summary>The end report, once the run ended.</summary>
    public SessionReport? Ended => Volatile.Read(ref _ended);

    /// <summary>The live counters.</summary>
    public SessionPing Ping() => new(Ended is null, (int)_tally.Turns, _tally.Tokens, _tally.Alerts, Ended, _node);

    /// <summary>Starts <paramref name="order"/> on the thread pool; <paramref name="failed"/> logs a run that raised an error.</summary>
    public static SessionRun Start(RunService runs, SessionOrder order, SiloAddress node, Action<Exception> failed)
    {
        var run = new SessionRun(order, node);
        run.Completion = Task.Run(() => run.RunAsync(runs, failed), CancellationToken.None);
        return run;
    }

    /// <summary>Stops the run after its current turn.</summary>
    public Task StopAsync() => _stop.CancelAsync();

    /// <inheritdoc />
    public void Dispose() => _stop.Dispose();

    private async Task<SessionReport> RunAsync(RunService runs, Action<Exception> failed)
    {
        SessionReport report;
        try
        {
            var config = MessagePackSerializer.Deserialize<RunConfiguration>(_order.Configuration, EventSerializer.Options);
            var result = await runs.RunOrContinueAsync(config, _order.Folder, new RunWatch(_order.RunId, _tally.Saw), _stop.Token).ConfigureAwait(false);
            report = Report(result.Status, result.Turns, result.ContentHash, result.EndReason, result.Error);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            report = Report(RunStatus.Cancelled, 0, null, null, null);
        }
        catch (Exception ex)
        {
            failed(ex);
            report = Report(null, 0, null, null, ex.Message);
        }

        Volatile.Write(ref _ended, report);
        return report;
    }

    private SessionReport Report(string? status, int turns, string? contentHash, string? endReason, string? error) => new(
        _order.Index, status, turns, (int)_tally.Turns, contentHash, endReason, error, _node.ToString(), _tally.Tokens, _tally.Alerts);
}
