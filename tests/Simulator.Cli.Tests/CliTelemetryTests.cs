using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Simulator.FakeModelServer;
using Simulator.Tests.Shared;

namespace Simulator.Cli.Tests;

/// <summary>
/// <c>--otlp</c>: a run whose therapist is a server on loopback exports its spans and metrics over OTLP HTTP/protobuf
/// to a receiver on loopback that the test starts, through the real program.
/// </summary>
public class CliTelemetryTests
{
    private const string KeyVariable = "SIMULATOR_TEST_OTLP_KEY";
    private const string Key = "sk-otlp-5d2c9e71aa";

    [Fact]
    public async Task Run_WithOtlp_ExportsASpanPerModelCall_WithGenAiAttributesAndTheRunId_AndRunAndTurnSpans()
    {
        Environment.SetEnvironmentVariable(KeyVariable, Key);
        await using var server = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions { ExpectedApiKey = Key });
        using var receiver = OtlpReceiver.Start();
        var work = RepoPaths.TempFolder("cli-otlp");

        var result = await CliRunner.RunAsync(work,
        [
            "run", "--persona", "special-bond", "--therapist", "endpoint:local/fake-model", "--turns", "3", "--json", "--otlp", receiver.Url,
            $"--Models:Endpoints:local:BaseUrl={server.BaseUrl}", $"--Models:Endpoints:local:ApiKeyVariable={KeyVariable}", "--Models:Endpoints:local:TimeoutSeconds=5",
        ]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var runId = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("runId").GetString();
        var spans = receiver.Posts("/v1/traces").SelectMany(OtlpSpan.Read).ToList();
        var calls = spans.Where(s => s.Attributes.GetValueOrDefault("gen_ai.request.model") is "fake-model").ToList();
        Assert.True(calls.Count == server.RequestCount, $"{calls.Count} model call spans for {server.RequestCount} requests; posts: {string.Join(", ", receiver.Paths)}; spans: {string.Join(", ", spans.Select(s => $"{s.Name} {string.Join(" ", s.Attributes)}"))}");
        Assert.All(calls, c =>
        {
            Assert.Equal("chat fake-model", c.Name);
            Assert.Equal("chat", c.Attributes["gen_ai.operation.name"]);
            Assert.True(long.Parse(c.Attributes["gen_ai.usage.input_tokens"], System.Globalization.CultureInfo.InvariantCulture) > 0);
            Assert.True(long.Parse(c.Attributes["gen_ai.usage.output_tokens"], System.Globalization.CultureInfo.InvariantCulture) > 0);
            Assert.Equal(runId, c.Attributes["simulator.run.id"]);
        });
        var run = Assert.Single(spans, s => s.Name == "run");
        Assert.Equal(runId, run.Attributes["simulator.run.id"]);
        Assert.Equal(["1", "2", "3"], spans.Where(s => s.Name == "turn").Select(s => s.Attributes["simulator.turn"]).Order());
        Assert.All(spans.Where(s => s.Name == "turn"), t => Assert.Equal(run.TraceId, t.TraceId));
        Assert.All(calls, c => Assert.Equal(run.TraceId, c.TraceId));

        var metrics = receiver.Posts("/v1/metrics").Select(Encoding.UTF8.GetString).ToList();
        Assert.Contains(metrics, m => m.Contains("simulator.turns", StringComparison.Ordinal));
        Assert.Contains(metrics, m => m.Contains("gen_ai.client.token.usage", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Otlp_NotAnHttpUrl_IsRefusedWithExit2()
    {
        var result = await CliRunner.RunAsync(RepoPaths.TempFolder("cli-otlp"), "run", "--persona", "special-bond", "--therapist", "scripted:faithful", "--turns", "1", "--otlp", "udp://somewhere");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--otlp", result.Stderr);
    }

    /// <summary>An OTLP HTTP receiver on 127.0.0.1 that keeps every POST body by path and answers 200.</summary>
    private sealed class OtlpReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly List<(string Path, byte[] Body)> _posts = [];
        private readonly Task _serving;

        private OtlpReceiver(int port)
        {
            Url = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Url + "/");
            _listener.Start();
            _serving = Task.Run(ServeAsync);
        }

        public string Url { get; }

        public static OtlpReceiver Start()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return new OtlpReceiver(port);
        }

        public IReadOnlyList<string> Paths
        {
            get
            {
                lock (_posts)
                {
                    return [.. _posts.Select(p => $"{p.Path} ({p.Body.Length} bytes)")];
                }
            }
        }

        public IReadOnlyList<byte[]> Posts(string path)
        {
            lock (_posts)
            {
                return [.. _posts.Where(p => p.Path == path).Select(p => p.Body)];
            }
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                lock (_posts)
                {
                    _posts.Add((context.Request.Url!.AbsolutePath, body.ToArray()));
                }

                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>
    /// A span read from an OTLP <c>ExportTraceServiceRequest</c> by walking the protobuf wire format: enough of it to
    /// find names, trace ids and attributes (strings, integers, booleans, doubles), without generated classes.
    /// </summary>
    private sealed record OtlpSpan(string Name, string TraceId, Dictionary<string, string> Attributes)
    {
        public static IEnumerable<OtlpSpan> Read(byte[] request) =>
            Fields(request).Where(f => f.Number == 1).SelectMany(resourceSpans => Fields(resourceSpans.Bytes))  // ResourceSpans
                .Where(f => f.Number == 2).SelectMany(scopeSpans => Fields(scopeSpans.Bytes))                   // ScopeSpans
                .Where(f => f.Number == 2).Select(span => Span(span.Bytes));                                   // Span

        private static OtlpSpan Span(ReadOnlyMemory<byte> span)
        {
            string name = "", trace = "";
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var f in Fields(span))
            {
                switch (f.Number)
                {
                    case 1:
                        trace = Convert.ToHexStringLower(f.Bytes.Span);
                        break;
                    case 5:
                        name = Encoding.UTF8.GetString(f.Bytes.Span);
                        break;
                    case 9:
                        var key = "";
                        var value = "";
                        foreach (var kv in Fields(f.Bytes))
                        {
                            if (kv.Number == 1)
                            {
                                key = Encoding.UTF8.GetString(kv.Bytes.Span);
                            }
                            else if (kv.Number == 2)
                            {
                                value = AnyValue(kv.Bytes);
                            }
                        }

                        attributes[key] = value;
                        break;
                }
            }

            return new OtlpSpan(name, trace, attributes);
        }

        private static string AnyValue(ReadOnlyMemory<byte> any)
        {
            foreach (var f in Fields(any))
            {
                return f.Number switch
                {
                    1 => Encoding.UTF8.GetString(f.Bytes.Span),
                    2 => f.Varint != 0 ? "true" : "false",
                    3 => f.Varint.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    4 => BitConverter.Int64BitsToDouble((long)f.Varint).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => "",
                };
            }

            return "";
        }

        private static IEnumerable<(int Number, ulong Varint, ReadOnlyMemory<byte> Bytes)> Fields(ReadOnlyMemory<byte> message)
        {
            var at = 0;
            while (at < message.Length)
            {
                var tag = ReadVarint(message.Span, ref at);
                var number = (int)(tag >> 3);
                switch ((int)(tag & 7))
                {
                    case 0:
                        yield return (number, ReadVarint(message.Span, ref at), default);
                        break;
                    case 1:
                        yield return (number, BitConverter.ToUInt64(message.Span.Slice(at, 8)), default);
                        at += 8;
                        break;
                    case 2:
                        var length = (int)ReadVarint(message.Span, ref at);
                        yield return (number, 0, message.Slice(at, length));
                        at += length;
                        break;
                    case 5:
                        yield return (number, BitConverter.ToUInt32(message.Span.Slice(at, 4)), default);
                        at += 4;
                        break;
                    default:
                        throw new InvalidDataException($"wire type {tag & 7} at {at}");
                }
            }
        }

        private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int at)
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = bytes[at++];
                value |= (ulong)(b & 0x7f) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }
        }
    }
}
