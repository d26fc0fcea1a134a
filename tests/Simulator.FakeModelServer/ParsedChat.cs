namespace Simulator.FakeModelServer;

/// <summary>The fields of a chat request body the fake server looks at.</summary>
internal sealed record ParsedChat(
    string? Model,
    IReadOnlyList<ReceivedMessage> Messages,
    long? Seed,
    double? Temperature,
    double? TopP,
    int? MaxTokens,
    string? ResponseFormatType,
    bool Stream,
    bool IncludeUsage)
{
    /// <summary>A request without a chat body.</summary>
    public static ParsedChat None { get; } = new(null, [], null, null, null, null, null, false, false);
}
