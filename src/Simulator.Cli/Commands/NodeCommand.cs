using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Simulator.Cluster.Hosting;
using Simulator.Cluster.Nodes;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator node --cluster &lt;cluster.yaml&gt;</c>: joins the cluster as a node that runs study
/// sessions, until Ctrl+C or SIGTERM; its running sessions then stop after their current turn and
/// continue on the other nodes.
/// </summary>
internal static class NodeCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cluster = new Option<string>("--cluster") { Description = "Cluster file (.yaml): the cluster's id and its PostgreSQL database", Required = true };
        var port = new Option<int?>("--port") { Description = "Port for traffic between nodes (default: a free one)" };
        var gateway = new Option<int?>("--gateway-port") { Description = "Port clients connect to (default: a free one)" };
        var host = new Option<string?>("--host") { Description = "This node's address, as the other nodes reach it (default: the cluster file's host)" };
        var command = new Command("node", "Join a cluster as a node that runs study sessions (see the README, \"Beyond one machine\", and docs/DESIGN.md#11-beyond-one-machine)") { cluster, port, gateway, host };
        command.SetAction((parse, cancellationToken) => CommandAction.Guard(async () =>
        {
            var config = ClusterFile.Load(parse.GetValue(cluster)!);
            if (parse.GetValue(host) is { } address)
            {
                config = config with { Host = address };
                if (ClusterFile.Validate(config).FirstOrDefault(i => i.Field == "host") is { } problem)
                {
                    throw new Core.Validation.InvalidInputException(problem.Message, field: "--host");
                }
            }

            var siloPort = Port(parse.GetValue(port), "--port");
            var gatewayPort = Port(parse.GetValue(gateway), "--gateway-port");
            await ClusterSchema.ApplyAsync(config, cancellationToken);
            using var node = SimulatorNode.Build(
                services.GetRequiredService<IConfiguration>(), config, siloPort, gatewayPort, services.GetRequiredService<ILoggerFactory>());
            await node.StartAsync(cancellationToken);
            await Console.Error.WriteLineAsync($"node {config.Host}:{siloPort} (gateway {gatewayPort}) joined cluster '{config.Cluster}'; Ctrl+C to leave");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            await Console.Error.WriteLineAsync("node leaving: its sessions stop after their current turn and continue on the other nodes");
            await node.StopAsync(CancellationToken.None);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static int Port(int? given, string field) => given switch
    {
        null => ClusterHosting.FreePort(),
        >= 1 and <= 65535 and var p => p,
        var p => throw new Core.Validation.InvalidInputException($"{p} is out of range: must be in 1..65535", field: field),
    };
}
