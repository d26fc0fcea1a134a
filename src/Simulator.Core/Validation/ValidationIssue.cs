namespace Simulator.Core.Validation;

/// <summary>
/// One problem with an input document: <paramref name="Field"/> is a path such as
/// <c>presentation.beliefs[0].conviction</c>; file and line are added by the loader that read it.
/// </summary>
public sealed record ValidationIssue(string Field, string Message);
