namespace Simulator.FakeModelServer;

/// <summary>
/// A recorded request that passed auth, parsing and the error faults and still needs its answer, or
/// (<paramref name="Answer"/>) had it made before the latency was waited out.
/// </summary>
internal sealed record Admission(ReceivedRequest Request, ParsedChat Chat, Completion? Answer = null);
