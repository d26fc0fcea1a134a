using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Simulator.Core.Validation;
using Simulator.Engine.Hosting;
using Simulator.Models.Endpoints;

namespace Simulator.Cli;

/// <summary>
/// The CLI's composition root, built the first time a command asks for a service: the command line
/// is parsed before it, so <c>--help</c>, <c>--version</c> and a mistyped option need no configuration,
/// and a bad <c>appsettings.json</c> is reported by the commands that read it (exit code 2), never by
/// <c>--help</c>. Configuration: the defaults of the .NET Generic Host, <c>appsettings.json</c> in the
/// working folder, the environment, and <c>--Section:Key=value</c> arguments.
/// </summary>
internal sealed class CliHost(string[] configArgs, Func<LogEventLevel> consoleLevel) : IServiceProvider, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private IHost? _host;
    private Exception? _failed;
    private bool _disposed;

    /// <summary>The services; builds and starts the host on first use. Throws <see cref="InvalidInputException"/> for a bad configuration.</summary>
    public object? GetService(Type serviceType) => Host().Services.GetService(serviceType);

    /// <summary>Stops the host if it was started.</summary>
    public async ValueTask DisposeAsync()
    {
        IHost? host;
        lock (_gate)
        {
            (host, _host, _disposed) = (_host, null, true);
        }

        if (host is not null)
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            host.Dispose();
        }
    }

    private IHost Host()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_failed is not null)
            {
                throw _failed;
            }

            try
            {
                return _host ??= Build();
            }
            catch (Exception ex) when (ex is InvalidDataException or FormatException or OptionsValidationException)
            {
                _failed = new InvalidInputException($"configuration: {ex.Message}", inner: ex);
                throw _failed;
            }
        }
    }

    private IHost Build()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configArgs,
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = false,
        });
        builder.Configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(configArgs);

        // One gate for everything printed or logged: control characters escaped, every endpoint's key redacted.
        var secrets = SecretRedactor.FromEnvironment(builder.Configuration.GetSection(ModelsOptions.Section).Get<ModelsOptions>());
        Terminal.UseSecrets(secrets);

        // The log file goes into the runs folder the command works in, known once its arguments are read (LogFile).
        var logFile = LogFile.Create(builder.Configuration["Logging:File"], builder.Configuration["Simulator:RunsPath"] ?? "runs", Terminal.Redacting(new CompactJsonFormatter(), secrets));
        var level = new LoggingLevelSwitch(consoleLevel());
        builder.Services.AddSerilog(config => config
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose, outputTemplate: "[{Level:u3}] {Message:lj}{NewLine}", levelSwitch: level)
            .WriteTo.Sink(logFile));
        builder.Services.AddSimulator(builder.Configuration);
        builder.Services.AddSimulatorTelemetry(builder.Configuration);

        var host = builder.Build();
        try
        {
            // Options are validated here (ValidateOnStart); the Generic Host's start is synchronous with no hosted services.
            host.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }
}
