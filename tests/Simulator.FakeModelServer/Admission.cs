namespace Simulator.FakeModelServer;

/// <summary>A recorded request that passed auth, parsing and the error faults and still needs its answer.</summary>
internal sealed record Admission(ReceivedRequest Request, ParsedChat Chat);
