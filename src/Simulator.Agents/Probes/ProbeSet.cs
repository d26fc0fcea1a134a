using Simulator.Core.Personas;

namespace Simulator.Agents.Probes;

/// <summary>The probes asked at each probing turn, in the order they are asked.</summary>
public static class ProbeSet
{
    /// <summary>Stance probes per flagged belief, the therapist's persona probe, the stigma questions, then the patient's persona probe.</summary>
    public static IReadOnlyList<Probe> For(Persona persona) =>
        [.. StanceProbe.For(persona), PersonaProbe.Therapist, .. StigmaProbe.For(persona), PersonaProbe.Patient];

    /// <summary>Whether the probes are due after <paramref name="turn"/> with <paramref name="every"/> (0 = never).</summary>
    public static bool DueAfter(int turn, int every) => every > 0 && turn > 0 && turn % every == 0;
}
