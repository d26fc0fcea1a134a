namespace Simulator.Core.Time;

/// <summary>Mints short random ids (run ids). Thread-safe.</summary>
public interface IIdGenerator
{
    /// <summary>A new lowercase hex id of <paramref name="hexLength"/> characters.</summary>
    string NewId(int hexLength);
}
