using Serilog.Events;
using Serilog.Formatting;
using Simulator.Core.Text;
using Simulator.Models.Endpoints;

namespace Simulator.Cli;

/// <summary>
/// The one gate between the program and what it prints or logs: standard output and error are
/// replaced by <see cref="SafeConsoleWriter"/>s (control characters escaped, endpoint keys redacted),
/// and the log file's formatter redacts keys too. The live progress panel draws on <see cref="RawError"/>,
/// the stream as it was, since its escape sequences are the program's own.
/// </summary>
internal static class Terminal
{
    /// <summary>Standard error before it was wrapped (for the live progress panel only).</summary>
    public static TextWriter RawError { get; private set; } = Console.Error;

    /// <summary>Wraps standard output and error; <paramref name="secrets"/> are the endpoint keys to redact.</summary>
    public static void Install(SecretRedactor secrets)
    {
        UseSecrets(secrets);
        RawError = Console.Error;
        Console.SetOut(new SafeConsoleWriter(Console.Out, text => _secrets.Redact(text)));
        Console.SetError(new SafeConsoleWriter(Console.Error, text => _secrets.Redact(text)));
    }

    /// <summary>
    /// Redacts <paramref name="secrets"/> from now on: the keys of the endpoints the configuration names,
    /// known once it is read (after the command line is parsed, so a bad configuration never hides --help).
    /// </summary>
    public static void UseSecrets(SecretRedactor secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _secrets = secrets;
    }

    private static SecretRedactor _secrets = SecretRedactor.FromEnvironment(null);

    /// <summary>A log-file formatter that writes what <paramref name="inner"/> does with endpoint keys redacted.</summary>
    public static ITextFormatter Redacting(ITextFormatter inner, SecretRedactor secrets) => new RedactingFormatter(inner, secrets);

    private sealed class RedactingFormatter(ITextFormatter inner, SecretRedactor secrets) : ITextFormatter
    {
        public void Format(LogEvent logEvent, TextWriter output)
        {
            if (secrets.IsEmpty)
            {
                inner.Format(logEvent, output);
                return;
            }

            using var line = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            inner.Format(logEvent, line);
            output.Write(secrets.Redact(line.ToString()));
        }
    }
}
