using System.Runtime.CompilerServices;
using Simulator.Core.Transcripts;

namespace Simulator.Monitoring.Raters;

/// <summary>
/// The patient's messages of one session, by turn, behind the monitor's per-session memory of what
/// the patient has reported (symptoms, ideation, conviction: DESIGN §6, "the monitor reads the
/// conversation"). Whoever makes the turn views keeps one per session: the session loop appends each
/// patient message (replayed turns too, so a resumed run's monitor remembers what an uninterrupted
/// one would), and views made over a whole conversation read it from there (<see cref="Over"/>).
/// The monitor folds the messages into its memory on demand, in turn order, and keeps only a few
/// recent snapshots of it, so what it holds is bounded by the card (one entry per symptom item and
/// belief, one for ideation) and the memory of turn t depends on the session's messages before t
/// alone: scoring is the same live, resumed, replayed or rescored. Appended messages are forgotten
/// once folded. Thread-safe.
/// </summary>
public sealed class PatientHistory
{
    private const int Snapshots = 8;

    private static readonly ConditionalWeakTable<IReadOnlyList<Exchange>, Dictionary<int, PatientHistory>> OverLists = [];

    private readonly Lock _lock = new();
    private readonly IReadOnlyList<Exchange>? _exchanges;
    private int _firstTurn = 1;
    private readonly SortedDictionary<int, string> _appended = [];
    private readonly (int Turn, object State)?[] _snapshots = new (int, object)?[Snapshots];
    private int _nextSnapshot;

    /// <summary>A history the session loop appends to, turn by turn.</summary>
    public PatientHistory()
    {
    }

    private PatientHistory(IReadOnlyList<Exchange> exchanges, int sessionStart)
    {
        _exchanges = exchanges;
        _firstTurn = sessionStart + 1;
    }

    /// <summary>
    /// The history of the session that starts at index <paramref name="sessionStart"/> of <paramref name="exchanges"/>
    /// (turn = index + 1), shared by every view made over the same list.
    /// </summary>
    public static PatientHistory Over(IReadOnlyList<Exchange> exchanges, int sessionStart = 0)
    {
        var bySession = OverLists.GetValue(exchanges, static _ => []);
        lock (bySession)
        {
            if (!bySession.TryGetValue(sessionStart, out var history))
            {
                bySession[sessionStart] = history = new PatientHistory(exchanges, sessionStart);
            }

            return history;
        }
    }

    /// <summary>Appends the patient's message of <paramref name="turn"/> (turns in order, one message each).</summary>
    public void Add(int turn, string message)
    {
        if (_exchanges is not null)
        {
            throw new InvalidOperationException("A history over a whole conversation is read, not appended to.");
        }

        lock (_lock)
        {
            if (_appended.Count == 0 && _snapshots.All(s => s is null))
            {
                _firstTurn = turn;
            }

            _appended[turn] = message;
        }
    }

    /// <summary>
    /// The fold of <paramref name="step"/> over the session's patient messages before <paramref name="turn"/>,
    /// from <paramref name="seed"/>; the same fold must be asked for every time (the memory is kept between calls).
    /// </summary>
    internal T Before<T>(int turn, Func<T> seed, Func<T, int, string, T> step)
        where T : class
    {
        lock (_lock)
        {
            (int Turn, object State)? from = null;
            foreach (var s in _snapshots)
            {
                if (s is { } snapshot && snapshot.Turn <= turn && (from is null || snapshot.Turn > from.Value.Turn))
                {
                    from = snapshot;
                }
            }

            if (from is { } exact && exact.Turn == turn)
            {
                return (T)exact.State;
            }

            var state = from is { } start ? (T)start.State : seed();
            var next = from?.Turn ?? _firstTurn;
            for (var t = next; t < turn; t++)
            {
                state = step(state, t, MessageOf(t));
            }

            _snapshots[_nextSnapshot] = (turn, state);
            _nextSnapshot = (_nextSnapshot + 1) % Snapshots;
            Forget(turn);
            return state;
        }
    }

    private string MessageOf(int turn) =>
        _exchanges is not null ? (turn - 1 < _exchanges.Count ? _exchanges[turn - 1].Patient : "")
        : _appended.TryGetValue(turn, out var message) ? message
        : throw new InvalidOperationException($"The patient's message of turn {turn} was not kept: the monitor asked for turns out of order.");

    // Appended messages before the oldest snapshot are folded for good.
    private void Forget(int turn)
    {
        if (_exchanges is not null)
        {
            return;
        }

        var oldest = _snapshots.Where(s => s is not null).Select(s => s!.Value.Turn).DefaultIfEmpty(turn).Min();
        while (_appended.Count > 0 && _appended.Keys.First() < oldest)
        {
            _appended.Remove(_appended.Keys.First());
        }
    }
}
