using Microsoft.AspNetCore.Http;

namespace Simulator.FakeModelServer;

/// <summary>Delays that end early when the client aborts or the server stops.</summary>
internal static class Waits
{
    /// <summary>Waits <paramref name="delay"/>; false when the request was aborted (the connection is then dropped).</summary>
    public static async Task<bool> DelayAsync(TimeSpan delay, HttpContext context, ServerState state)
    {
        if (delay <= TimeSpan.Zero)
        {
            return !context.RequestAborted.IsCancellationRequested;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, state.Stopping);
        try
        {
            await Task.Delay(delay, linked.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            context.Abort();
            return false;
        }
    }
}
