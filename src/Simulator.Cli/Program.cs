using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Formatting.Compact;
using Simulator.Cli;
using Simulator.Cli.Commands;
using Simulator.Core.Validation;
using Simulator.Engine.Hosting;
using Simulator.Models.Endpoints;

// Arguments of the form --Section:Key=value are configuration overrides for the host; the rest
// is the command line proper.
var (configArgs, commandArgs) = CommandLineSplit.Split(args);
var otlp = OtlpOption.Find(commandArgs);
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = configArgs,
    ContentRootPath = AppContext.BaseDirectory,
    DisableDefaults = false,
});
builder.Configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true);
builder.Configuration.AddEnvironmentVariables();
builder.Configuration.AddCommandLine(configArgs);
if (otlp is not null)
{
    builder.Configuration[TelemetryHostingExtensions.OtlpKey] = otlp;
}

// One gate for everything printed or logged: control characters escaped, every endpoint's key redacted.
var secrets = SecretRedactor.FromEnvironment(builder.Configuration.GetSection(ModelsOptions.Section).Get<ModelsOptions>());
Terminal.Install(secrets);

// The log file goes into the runs folder the command works in, known once its arguments are read (LogFile).
var logFile = LogFile.Create(builder.Configuration["Logging:File"], builder.Configuration["Simulator:RunsPath"] ?? "runs", Terminal.Redacting(new CompactJsonFormatter(), secrets));

// A study shows its own progress on the terminal; each of its runs' start and end stays in the log file.
var consoleLevel = new Serilog.Core.LoggingLevelSwitch(
    commandArgs.FirstOrDefault() == "study" ? Serilog.Events.LogEventLevel.Warning : Serilog.Events.LogEventLevel.Verbose);
builder.Services.AddSerilog(config => config
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose, outputTemplate: "[{Level:u3}] {Message:lj}{NewLine}", levelSwitch: consoleLevel)
    .WriteTo.Sink(logFile));
builder.Services.AddSimulator(builder.Configuration);
try
{
    builder.Services.AddSimulatorTelemetry(builder.Configuration);
}
catch (InvalidInputException ex)
{
    await Console.Error.WriteLineAsync($"error: {ex.Message}");
    return ExitCodes.InvalidInput;
}

using var host = builder.Build();
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

try
{
    await host.StartAsync(stop.Token);
}
catch (Microsoft.Extensions.Options.OptionsValidationException ex)
{
    await Console.Error.WriteLineAsync($"error: configuration: {ex.Message}");
    return ExitCodes.InvalidInput;
}

var root = new RootCommand("simulator: simulated patients in long sessions with a therapist model, watched turn by turn by a monitor.")
{
    RunCommand.Create(host.Services),
    PersonasCommand.Create(host.Services),
    ProtocolsCommand.Create(host.Services),
    ResumeCommand.Create(host.Services),
    StudyCommand.Create(host.Services),
    ReplayCommand.Create(host.Services),
    BranchCommand.Create(host.Services),
    CompareCommand.Create(host.Services),
    RunsCommand.Create(host.Services),
    ExportCommand.Create(host.Services),
    ReportCommand.Create(host.Services),
    ScoreCommand.Create(host.Services),
    MonitorCommand.Create(host.Services),
    ImportCommand.Create(host.Services),
    ModelsCommand.Create(host.Services),
    NodeCommand.Create(host.Services),
};
root.Options.Add(OtlpOption.Create());
var parse = root.Parse(commandArgs);
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
    await host.StopAsync(CancellationToken.None);
    await Log.CloseAndFlushAsync();
}
