namespace Simulator.FakeModelServer;

/// <summary>One chat message as the fake server received it (text parts joined).</summary>
/// <param name="Role">The message role, e.g. <c>system</c>, <c>user</c>, <c>assistant</c>.</param>
/// <param name="Content">The text content; empty when the message had none.</param>
public sealed record ReceivedMessage(string Role, string Content);
