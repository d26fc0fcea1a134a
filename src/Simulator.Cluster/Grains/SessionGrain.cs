using Microsoft.Extensions.Logging;
using Orleans.Placement;
using Simulator.Engine.Runs;

namespace Simulator.Cluster.Grains;

/// <summary>
/// Runs one session on this node through <see cref="RunService.RunOrContinueAsync"/> (a
/// <see cref="SessionRun"/>, off the grain's scheduler: a session takes minutes and the grain keeps
/// answering pings meanwhile), and reports its end to the coordinator. The coordinator places it on
/// the node running the fewest of its sessions (a placement hint; random without one), so a node
/// that joins takes new sessions first. A node that shuts down stops its sessions after their
/// current turn; they end cancelled and the coordinator starts them again elsewhere.
/// </summary>
[RandomPlacement]
public sealed partial class SessionGrain(RunService runs, IGrainFactory grains, ILocalSiloDetails silo, ILogger<SessionGrain> log) : Grain, ISessionGrain
{
    private SessionRun? _run;

    /// <inheritdoc />
    public Task StartAsync(SessionOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (_run is { Ended: null })
        {
            return Task.CompletedTask;
        }

        _run?.Dispose();
        var run = _run = SessionRun.Start(runs, order, silo.SiloAddress, ex => LogFailed(ex, order.RunId));
        _ = ReportAsync(run, order);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<SessionPing> PingAsync() => Task.FromResult(_run?.Ping() ?? new SessionPing(false, 0, 0, 0, null, silo.SiloAddress));

    /// <inheritdoc />
    public Task StopAsync() => _run?.StopAsync() ?? Task.CompletedTask;

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_run is { Ended: null } run)
        {
            LogStopping(this.GetPrimaryKeyString(), reason.Description);
            await run.StopAsync().ConfigureAwait(true);
            await ((Task)run.Completion).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }

        _run?.Dispose();
        await base.OnDeactivateAsync(reason, cancellationToken).ConfigureAwait(true);
    }

    /// <summary>Tells the coordinator once the run ends; if it cannot be reached, its next ping collects the report.</summary>
    private async Task ReportAsync(SessionRun run, SessionOrder order)
    {
        var report = await run.Completion.ConfigureAwait(true);
        try
        {
            await grains.GetGrain<IStudyCoordinatorGrain>(order.Coordinator).EndedAsync(report).ConfigureAwait(true);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogReportLate(order.RunId, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {RunId} failed")]
    private partial void LogFailed(Exception ex, string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {RunId} ended; its coordinator will collect the report on its next ping ({Reason})")]
    private partial void LogReportLate(string runId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {Key} stopping after its current turn: {Reason}")]
    private partial void LogStopping(string key, string reason);
}
