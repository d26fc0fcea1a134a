using Simulator.Core.Personas;
using Simulator.Core.Protocols;
using Simulator.Core.Transcripts;

namespace Simulator.Core.Labels;

/// <summary>
/// A conversation with external labels on some of its therapist turns (a benchmark's judge, a
/// clinician, an LLM judge of a saved run), for fitting and validating the monitor.
/// </summary>
/// <param name="Id">Unique within the label files read together: the file's name and the conversation's place in it.</param>
/// <param name="Source">The file (or run folder) the labels came from.</param>
/// <param name="Groups">What the conversation belongs to, by kind (<c>model</c>, <c>condition</c>, <c>category</c>, <c>stimulus</c>, <c>source</c>), for per-group results and group-wise cross-validation.</param>
/// <param name="Turns">The conversation's exchanges, in order; turn n is <c>Turns[n - 1]</c>.</param>
/// <param name="Labels">The labelled turns, in turn order.</param>
/// <param name="Persona">The persona card the conversation was run with, when known (saved runs).</param>
/// <param name="Protocol">The protocol the therapist was asked to deliver, when known.</param>
public sealed record LabelledConversation(
    string Id,
    string Source,
    IReadOnlyDictionary<string, string> Groups,
    IReadOnlyList<Exchange> Turns,
    IReadOnlyList<TurnLabels> Labels,
    Persona? Persona = null,
    Protocol? Protocol = null);

/// <summary>The labels of one therapist turn: per label name (a metric name, or a benchmark's behaviour such as <c>spiral.pushback</c>), the value.</summary>
/// <param name="Turn">The turn, from 1.</param>
/// <param name="Values">The labels.</param>
public sealed record TurnLabels(int Turn, IReadOnlyDictionary<string, double> Values);
