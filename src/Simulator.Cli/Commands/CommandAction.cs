using Simulator.Core.Validation;

namespace Simulator.Cli.Commands;

/// <summary>Runs a command's body and maps what went wrong to the exit codes of docs/DESIGN.md, "Command-line contract" (section 10).</summary>
internal static class CommandAction
{
    public static async Task<int> Guard(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (InvalidInputException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Cancelled;
        }
        catch (Cluster.Nodes.ClusterUnavailableException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            Serilog.Log.Error(ex, "Command failed");
            await Console.Error.WriteLineAsync($"error: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    public static Task<int> Guard(Func<int> body) => Guard(() => Task.FromResult(body()));
}
