namespace Simulator.Agents.Sessions;

/// <summary>One completed turn's messages, as agents see the history.</summary>
public sealed record Exchange(string Patient, string Therapist);
