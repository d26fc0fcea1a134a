using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Simulator.Cli.Tests.Browser;

/// <summary>
/// Opens a page in headless chromium and drives it over the DevTools protocol (a WebSocket, no
/// Selenium): collects console errors (<c>Runtime.consoleAPICalled</c> of type error or assert),
/// uncaught exceptions, error log entries (e.g. a resource that failed to load) and every request
/// the page made, then screenshots each <c>img.plot</c>; with every <c>details</c> opened, lists what
/// overflows sideways at <see cref="Width"/> px and screenshots the top of the page.
/// </summary>
internal static partial class HeadlessPage
{
    /// <summary>The page's width in CSS pixels: a laptop screen.</summary>
    public const int Width = 1280;

    // Every element whose content is wider than its box (overflow it does not scroll or clip), or
    // whose box reaches past the page's right edge; described so a failure says where to look.
    private const string OverflowScript = """
        (() => {
          document.querySelectorAll('details').forEach(d => d.open = true);
          const edge = document.documentElement.clientWidth;
          const found = [];
          if (document.documentElement.scrollWidth > edge + 1) found.push(`page: scrollWidth ${document.documentElement.scrollWidth} > ${edge}`);
          for (const el of document.body.querySelectorAll('*')) {
            const style = getComputedStyle(el);
            if (style.display === 'none' || el.closest('summary')) continue;
            const r = el.getBoundingClientRect();
            const clips = ['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX);
            const spills = !clips && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && style.display !== 'inline';
            if (spills || r.right > edge + 1) {
              const text = (el.textContent || '').trim().slice(0, 60);
              found.push(`${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''} (${spills ? `content ${el.scrollWidth} > box ${el.clientWidth}` : `right edge ${Math.round(r.right)} > ${edge}`}): ${text}`);
              if (found.length >= 20) break;
            }
          }
          return JSON.stringify(found);
        })()
        """;

    public static async Task<PageCheck> OpenAsync(string file, TimeSpan timeout)
    {
        var chromium = await Chromium.EnsureInstalledAsync();
        var profile = Path.Combine(Path.GetTempPath(), "simulator-tests", $"chromium-{Environment.ProcessId}-{Path.GetRandomFileName()}");
        Directory.CreateDirectory(profile);
        var info = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars", "--window-size=1280,1000", "--remote-debugging-port=0", $"--user-data-dir={profile}", "about:blank" })
        {
            info.ArgumentList.Add(a);
        }

        using var browser = Process.Start(info)!;
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            _ = browser.StandardOutput.ReadToEndAsync(cancel.Token);
            var endpoint = await DevToolsEndpointAsync(browser, cancel.Token);
            using var socket = new ClientWebSocket();
            await socket.ConnectAsync(endpoint, cancel.Token);
            var session = new DevToolsSession(socket);
            var reading = session.ReadAsync(cancel.Token);

            var target = await session.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, cancel.Token);
            var attached = await session.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, null, cancel.Token);
            var id = attached["sessionId"]!.GetValue<string>();
            foreach (var domain in new[] { "Runtime", "Log", "Network", "Page" })
            {
                await session.SendAsync($"{domain}.enable", [], id, cancel.Token);
            }

            await session.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = Width, ["height"] = 1000, ["deviceScaleFactor"] = 1, ["mobile"] = false }, id, cancel.Token);

            var loaded = session.WaitForEventAsync("Page.loadEventFired", cancel.Token);
            var url = new Uri(file).AbsoluteUri;
            await session.SendAsync("Page.navigate", new JsonObject { ["url"] = url }, id, cancel.Token);
            await loaded;
            await Task.Delay(300, cancel.Token);

            var layout = await session.SendAsync("Runtime.evaluate", new JsonObject
            {
                ["expression"] = "JSON.stringify([...document.querySelectorAll('img.plot')].map((i, n) => { const r = i.getBoundingClientRect(); return { id: i.closest('figure')?.id || ('plot-' + n), w: i.naturalWidth, h: i.naturalHeight, x: r.x + scrollX, y: r.y + scrollY, cw: r.width, ch: r.height }; }))",
                ["returnByValue"] = true,
            }, id, cancel.Token);
            var plots = new List<PlotShot>();
            foreach (var p in JsonNode.Parse(layout["result"]!["value"]!.GetValue<string>())!.AsArray())
            {
                var clip = new JsonObject { ["x"] = p!["x"]!.GetValue<double>(), ["y"] = p["y"]!.GetValue<double>(), ["width"] = Math.Max(1, p["cw"]!.GetValue<double>()), ["height"] = Math.Max(1, p["ch"]!.GetValue<double>()), ["scale"] = 1 };
                var shot = await session.SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["clip"] = clip, ["captureBeyondViewport"] = true }, id, cancel.Token);
                plots.Add(new PlotShot(p["id"]!.GetValue<string>(), p["w"]!.GetValue<int>(), p["h"]!.GetValue<int>(), Convert.FromBase64String(shot["data"]!.GetValue<string>())));
            }

            var overflow = await session.SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = OverflowScript, ["returnByValue"] = true }, id, cancel.Token);
            var spilled = JsonNode.Parse(overflow["result"]!["value"]!.GetValue<string>())!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            var height = await session.SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = "document.documentElement.scrollHeight", ["returnByValue"] = true }, id, cancel.Token);
            var top = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = Width, ["height"] = Math.Clamp(height["result"]!["value"]!.GetValue<double>(), 1, 4000), ["scale"] = 1 };
            var page = await session.SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["clip"] = top, ["captureBeyondViewport"] = true }, id, cancel.Token);

            await session.SendAsync("Browser.close", [], null, cancel.Token);
            return new PageCheck(session.Errors(), session.Requests(), plots) { Overflow = spilled, Screenshot = Convert.FromBase64String(page["data"]!.GetValue<string>()) };
        }
        finally
        {
            if (!browser.HasExited)
            {
                browser.Kill(entireProcessTree: true);
            }

            await browser.WaitForExitAsync(CancellationToken.None);
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A profile file still held by a dying child process: the temp folder is cleaned up later.
            }
        }
    }

    private static async Task<Uri> DevToolsEndpointAsync(Process browser, CancellationToken cancellationToken)
    {
        var seen = new StringBuilder();
        while (await browser.StandardError.ReadLineAsync(cancellationToken) is { } line)
        {
            seen.AppendLine(line);
            if (DevToolsLine().Match(line) is { Success: true } m)
            {
                _ = browser.StandardError.ReadToEndAsync(cancellationToken);
                return new Uri(m.Groups[1].Value);
            }
        }

        throw new InvalidOperationException($"chromium exited without a DevTools endpoint:\n{seen}");
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsLine();

    /// <summary>One DevTools connection: numbered commands and their replies, and the events that matter to a page check.</summary>
    private sealed class DevToolsSession(ClientWebSocket socket)
    {
        private readonly Dictionary<int, TaskCompletionSource<JsonObject>> _pending = [];
        private readonly List<(string Method, TaskCompletionSource Done)> _waiters = [];
        private readonly List<string> _errors = [];
        private readonly List<string> _requests = [];
        private readonly Lock _gate = new();
        private int _next;

        public IReadOnlyList<string> Errors()
        {
            lock (_gate)
            {
                return [.. _errors];
            }
        }

        public IReadOnlyList<string> Requests()
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }

        public async Task<JsonObject> SendAsync(string method, JsonObject parameters, string? sessionId, CancellationToken cancellationToken)
        {
            var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
            int id;
            lock (_gate)
            {
                id = ++_next;
                _pending[id] = reply;
            }

            var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
            if (sessionId is not null)
            {
                message["sessionId"] = sessionId;
            }

            await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken);
            return await reply.Task.WaitAsync(cancellationToken);
        }

        public Task WaitForEventAsync(string method, CancellationToken cancellationToken)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _waiters.Add((method, done));
            }

            return done.Task.WaitAsync(cancellationToken);
        }

        public async Task ReadAsync(CancellationToken cancellationToken)
        {
            var buffer = new byte[1 << 16];
            using var message = new MemoryStream();
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    var part = await socket.ReceiveAsync(buffer, cancellationToken);
                    if (part.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }

                    message.Write(buffer, 0, part.Count);
                    if (part.EndOfMessage)
                    {
                        Handle(JsonNode.Parse(message.ToArray())!.AsObject());
                        message.SetLength(0);
                    }
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The browser closed (Browser.close) or the check timed out: pending calls fail below.
            }

            lock (_gate)
            {
                foreach (var pending in _pending.Values)
                {
                    pending.TrySetException(new InvalidOperationException("the DevTools connection closed"));
                }
            }
        }

        private void Handle(JsonObject message)
        {
            lock (_gate)
            {
                if (message["id"] is { } id && _pending.Remove(id.GetValue<int>(), out var reply))
                {
                    if (message["error"] is { } error)
                    {
                        reply.TrySetException(new InvalidOperationException($"DevTools: {error.ToJsonString()}"));
                    }
                    else
                    {
                        reply.TrySetResult(message["result"]?.AsObject() ?? []);
                    }

                    return;
                }

                var method = message["method"]?.GetValue<string>();
                var p = message["params"];
                switch (method)
                {
                    case "Runtime.consoleAPICalled" when p!["type"]!.GetValue<string>() is "error" or "assert":
                        _errors.Add($"console.{p["type"]}: {p["args"]?.ToJsonString()}");
                        break;
                    case "Runtime.exceptionThrown":
                        _errors.Add($"exception: {p!["exceptionDetails"]?.ToJsonString()}");
                        break;
                    case "Log.entryAdded" when p!["entry"]!["level"]!.GetValue<string>() == "error":
                        _errors.Add($"log: {p["entry"]!["text"]} {p["entry"]!["url"]}");
                        break;
                    case "Network.loadingFailed":
                        _errors.Add($"load failed: {p!["errorText"]}");
                        break;
                    case "Network.requestWillBeSent":
                        _requests.Add(p!["request"]!["url"]!.GetValue<string>());
                        break;
                }

                foreach (var waiter in _waiters.Where(w => w.Method == method).ToList())
                {
                    waiter.Done.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
        }
    }
}
