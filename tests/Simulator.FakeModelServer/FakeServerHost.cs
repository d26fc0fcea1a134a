using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Simulator.FakeModelServer;

/// <summary>Builds the Kestrel app: 127.0.0.1 on a free port, no logging, no configuration files, generous limits.</summary>
internal static class FakeServerHost
{
    public static WebApplication Build(ServerState state)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(FakeServerHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });

        // No appsettings.json or ASPNETCORE_* settings from the host process leak in (e.g. Kestrel endpoints).
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.Configure<SocketTransportOptions>(o => o.Backlog = 4096);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxConcurrentConnections = null;
            k.Limits.MaxConcurrentUpgradedConnections = null;
            k.Limits.MaxRequestBodySize = null;
            k.Limits.MinRequestBodyDataRate = null;
            k.Limits.MinResponseDataRate = null;
            k.Limits.Http2.MaxStreamsPerConnection = 10_000;
            k.Listen(IPAddress.Loopback, 0);
        });

        var app = builder.Build();
        Map(app, state);
        return app;
    }

    private static void Map(WebApplication app, ServerState state)
    {
        foreach (var prefix in new[] { "/v1", string.Empty })
        {
            app.MapPost(prefix + "/chat/completions", Guard(state, OpenAiEndpoints.ChatAsync));
            app.MapGet(prefix + "/models", Guard(state, OpenAiEndpoints.ModelsAsync));
        }

        app.MapPost("/api/chat", Guard(state, OllamaEndpoints.ChatAsync));
        app.MapGet("/api/tags", Guard(state, OllamaEndpoints.TagsAsync));
        app.MapGet("/api/version", Guard(state, OllamaEndpoints.VersionAsync));
        app.MapFallback(Guard(state, MetaEndpoints.NotFoundAsync));
    }

    /// <summary>Swallows the exceptions of requests the client (or the server's disposal) cut short.</summary>
    private static RequestDelegate Guard(ServerState state, Func<HttpContext, ServerState, Task> handler) =>
        async context =>
        {
            try
            {
                await handler(context, state);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException
                && (context.RequestAborted.IsCancellationRequested || state.Stopping.IsCancellationRequested))
            {
                context.Abort();
            }
        };
}
