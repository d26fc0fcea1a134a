namespace Simulator.Core.Validation;

/// <summary>
/// Input the user gave us is wrong (a persona, protocol, run file or option). The CLI turns it
/// into exit code 2; the message names the file, line and field where they are known.
/// </summary>
public sealed class InvalidInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidInputException(string message, string? file = null, int? line = null, string? field = null, Exception? inner = null)
        : base(Format(message, file, line, field), inner)
    {
        Reason = message;
        File = file;
        Line = line;
        Field = field;
    }

    /// <summary>What is wrong, without the file, line and field (for an error re-addressed to another file or field).</summary>
    public string Reason { get; }

    /// <summary>The file at fault, if any.</summary>
    public string? File { get; }

    /// <summary>The 1-based line at fault, if known.</summary>
    public int? Line { get; }

    /// <summary>The field path at fault, if known.</summary>
    public string? Field { get; }

    private static string Format(string message, string? file, int? line, string? field)
    {
        var where = file is null ? "" : line is null ? $"{file}: " : $"{file}:{line}: ";
        var what = field is null ? "" : $"field '{field}': ";
        return where + what + message;
    }
}
