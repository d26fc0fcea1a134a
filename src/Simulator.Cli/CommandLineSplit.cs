namespace Simulator.Cli;

/// <summary>Separates configuration overrides (<c>--Section:Key=value</c>) from the command line.</summary>
internal static class CommandLineSplit
{
    public static (string[] Configuration, string[] Command) Split(string[] args)
    {
        static bool IsOverride(string a) =>
            a.StartsWith("--", StringComparison.Ordinal) && a.IndexOf('=', StringComparison.Ordinal) is var eq && eq > 2 && a[..eq].Contains(':', StringComparison.Ordinal);

        return ([.. args.Where(IsOverride)], [.. args.Where(a => !IsOverride(a))]);
    }
}
