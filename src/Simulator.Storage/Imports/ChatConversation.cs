using Simulator.Core.Transcripts;

namespace Simulator.Storage.Imports;

/// <summary>
/// A conversation from elsewhere, in OpenAI chat format, as turns: each <c>assistant</c> message
/// (the therapist) with the <c>user</c> messages since the previous one (the patient), joined.
/// </summary>
public sealed record ChatConversation(string Id, int Line, IReadOnlyList<Exchange> Turns);
