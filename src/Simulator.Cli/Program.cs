using System.CommandLine;
using System.Runtime.InteropServices;
using Serilog;
using Serilog.Events;
using Simulator.Cli;
using Simulator.Cli.Commands;
using Simulator.Core.Validation;
using Simulator.Models.Endpoints;

// Arguments of the form --Section:Key=value are configuration overrides for the host; the rest
// is the command line proper, parsed before anything reads the configuration.
var (configArgs, commandArgs) = CommandLineSplit.Split(args);

// --otlp is a configuration key too (Telemetry:Otlp): the exporters are part of the host.
if (OtlpOption.Find(commandArgs) is { } otlp)
{
    configArgs = [.. configArgs, $"--{Simulator.Engine.Hosting.TelemetryHostingExtensions.OtlpKey}={otlp}"];
}

// Control characters are escaped from the start; endpoint keys are redacted once the configuration names them.
Terminal.Install(SecretRedactor.FromEnvironment(null));

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

var logLevel = new Option<LogEventLevel?>("--log-level")
{
    Description = "The least level logged to the console: Verbose, Debug, Information, Warning, Error or Fatal (default: Warning for study, which shows its own progress; Verbose otherwise)",
    Recursive = true,
};
ParseResult? parse = null;
var host = new CliHost(configArgs, () => ConsoleLevel(parse!));
await using (host)
{
    var root = new RootCommand("simulator: simulated patients in long sessions with a therapist model, watched turn by turn by a monitor.")
    {
        RunCommand.Create(host),
        PersonasCommand.Create(host),
        ProtocolsCommand.Create(host),
        ResumeCommand.Create(host),
        StudyCommand.Create(host),
        ReplayCommand.Create(host),
        BranchCommand.Create(host),
        CompareCommand.Create(host),
        RunsCommand.Create(host),
        ExportCommand.Create(host),
        ReportCommand.Create(host),
        ScoreCommand.Create(host),
        MonitorCommand.Create(host),
        ImportCommand.Create(host),
        ModelsCommand.Create(host),
        NodeCommand.Create(host),
    };
    root.Options.Add(logLevel);
    root.Options.Add(OtlpOption.Create());
    parse = root.Parse(commandArgs);
    if (parse.Errors.Count > 0)
    {
        foreach (var error in parse.Errors)
        {
            await Console.Error.WriteLineAsync($"error: {error.Message}");
        }

        await Console.Error.WriteLineAsync("Run 'simulator --help' for usage.");
        return ExitCodes.InvalidInput;
    }

    try
    {
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, stop.Token);
    }
    catch (InvalidInputException ex)
    {
        await Console.Error.WriteLineAsync($"error: {ex.Message}");
        return ExitCodes.InvalidInput;
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
        return ExitCodes.Cancelled;
    }
    finally
    {
        await host.DisposeAsync();
        await Log.CloseAndFlushAsync();
    }
}

// A study shows its own progress on the terminal; each of its runs' start and end stays in the log file.
LogEventLevel ConsoleLevel(ParseResult parsed) =>
    parsed.GetValue(logLevel) ?? (parsed.CommandResult.Command.Name == "study" ? LogEventLevel.Warning : LogEventLevel.Verbose);
