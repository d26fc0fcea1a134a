namespace Simulator.Cluster.Grains;

/// <summary>The coordinator's persisted state: the study order and where each of its sessions is.</summary>
[GenerateSerializer, Alias("simulator.StudyLedger")]
public sealed class StudyLedger
{
    /// <summary>The order being run, or null before the first.</summary>
    [Id(0)] public StudyOrder? Order { get; set; }

    /// <summary>Each job's phase, by position in the order.</summary>
    [Id(1)] public List<SessionPhase> Phases { get; set; } = [];

    /// <summary>The end report of each job that ended for good, by position in the order.</summary>
    [Id(2)] public Dictionary<int, SessionReport> Ended { get; set; } = [];

    /// <summary>The study was cancelled: nothing more starts.</summary>
    [Id(3)] public bool Cancelled { get; set; }

    /// <summary>Sessions started again after their node was lost.</summary>
    [Id(4)] public int Restarts { get; set; }
}

/// <summary>Where one session of a study is.</summary>
[GenerateSerializer]
public enum SessionPhase
{
    /// <summary>Waiting to start, or to start again.</summary>
    Pending,

    /// <summary>Handed to its session grain.</summary>
    Running,

    /// <summary>Ended for good.</summary>
    Ended,
}
