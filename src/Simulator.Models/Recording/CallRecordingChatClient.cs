using Microsoft.Extensions.AI;
using Simulator.Models.Endpoints;
using Simulator.Models.Resilience;

namespace Simulator.Models.Recording;

/// <summary>
/// Reports every attempt of every call to a sink, to become a ModelCalled event: the request's hash
/// (<see cref="RequestHash"/> over the prepared request, once per call), the attempt's number, usage,
/// latency and error, and the endpoint keys redacted from the reply.
/// </summary>
/// <remarks>
/// It sits inside the retries, so it sees each attempt. A call is one <see cref="ChatOptions"/> instance:
/// the options middleware above it hands every call its own copy and the retries pass that copy to each
/// attempt, so the same instance again is the next attempt of the same call. Like the agent that owns
/// it, an instance serves one call at a time.
/// </remarks>
internal sealed class CallRecordingChatClient(IChatClient inner, string model, Action<ModelCallRecord> sink, SecretRedactor secrets, TimeProvider clock)
    : DelegatingChatClient(inner)
{
    private readonly RequestHash _hashes = new();
    private readonly ChatClientMetadata _metadata = new(null, null, model);
    private ChatOptions? _call;
    private string _hash = "";
    private int _attempt;

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        options ??= new ChatOptions();
        if (!ReferenceEquals(options, _call))
        {
            _call = options;
            _hash = _hashes.Next(list, options, model);
            _attempt = 0;
        }

        var hash = _hash;
        var attempt = ++_attempt;
        var started = clock.GetTimestamp();
        try
        {
            var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
            var usage = response.Usage;
            sink(new ModelCallRecord(hash, usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0, usage?.CachedInputTokenCount ?? 0, Elapsed(started), attempt, null)
            {
                Redacted = Redact(response),
            });
            return response;
        }
        catch (ModelFaultException fault)
        {
            sink(new ModelCallRecord(hash, 0, 0, 0, Elapsed(started), attempt, secrets.Redact(fault.Summary)));
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            sink(new ModelCallRecord(hash, 0, 0, 0, Elapsed(started), attempt, secrets.Redact(ex.GetType().Name + ": " + ex.Message)));
            throw;
        }
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Sessions use whole replies; each is checked before it is used.");

    /// <summary>The provider's own metadata, else the model's name (the built-in models have none), for the telemetry above.</summary>
    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        base.GetService(serviceType, serviceKey) ?? (serviceKey is null && serviceType == typeof(ChatClientMetadata) ? _metadata : null);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        // The provider client belongs to its endpoint (or scripted policy), shared by every session: it stays open.
    }

    private double Elapsed(long started) => clock.GetElapsedTime(started).TotalMilliseconds;

    /// <summary>Redacts endpoint keys from the reply's text in place; the variables whose keys were found.</summary>
    private IReadOnlyList<string> Redact(ChatResponse response)
    {
        if (secrets.IsEmpty)
        {
            return [];
        }

        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var message in response.Messages)
        {
            for (var i = 0; i < message.Contents.Count; i++)
            {
                if (message.Contents[i] is TextContent { Text: { } text } content && secrets.Redact(text, found) is var clean && !ReferenceEquals(clean, text))
                {
                    message.Contents[i] = new TextContent(clean) { AdditionalProperties = content.AdditionalProperties };
                }
            }
        }

        return [.. found];
    }
}
