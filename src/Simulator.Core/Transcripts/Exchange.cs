namespace Simulator.Core.Transcripts;

/// <summary>One completed turn's messages: what the patient said and what the therapist replied.</summary>
public sealed record Exchange(string Patient, string Therapist);
