namespace Simulator.Cli;

/// <summary>The exit codes of docs/DESIGN.md, "Command-line contract" (section 10).</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;
    public const int Cancelled = 130;
}
