using Simulator.Core.Transcripts;

namespace Simulator.Engine.Exports;

/// <summary>
/// What one export writes: its runs, each with the turns the filter keeps. <see cref="Runs"/> loads
/// them afresh each time it is enumerated, so a format that needs two passes (CSV: the columns, then
/// the rows) does not hold every transcript at once.
/// </summary>
/// <param name="Runs">The runs, each with the turns kept, in order; enumerable more than once.</param>
/// <param name="Study">The study's name when the export is of a study, else null.</param>
/// <param name="Side">With the chat format: whose replies are the assistant's, <c>therapist</c> or <c>patient</c>.</param>
public sealed record ExportBatch(IEnumerable<ExportedRun> Runs, string? Study, string Side = "therapist");

/// <summary>One run of an export: its id and the turns kept.</summary>
public sealed record ExportedRun(string RunId, RunTranscript Transcript);
