using System.Threading.Channels;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Simulator.Agents.Appraisal;
using Simulator.Agents.Probes;
using Simulator.Agents.Sessions;
using Simulator.Core.Clinical;
using Simulator.Core.Events;
using Simulator.Core.Personas;
using Simulator.Core.Randomness;
using Simulator.Core.Trajectories;
using Simulator.Core.Transcripts;
using Simulator.Models.Recording;
using Simulator.Models.References;
using Simulator.Monitoring.Alerts;
using Simulator.Monitoring.Guard;
using Simulator.Monitoring.Raters;

namespace Simulator.Engine.Sessions;

/// <summary>
/// The turn loop of one session (DESIGN §3): the patient speaks, the therapist replies, the patient
/// appraises the reply (offline, or an LLM patient through its appraisal model), the trajectory
/// steps the state. Each turn's events go to the run's event channel together once the turn is
/// complete, and the turn goes to the monitor's channel; neither the log writer nor the monitor is
/// waited for, except in guard mode, where the therapist's reply waits for the verdict on the
/// previous turn and takes its note. A course (<see cref="Core.Runs.RunConfiguration.Sessions"/> &gt; 1)
/// runs its sessions in one loop over turns numbered across the course, with a
/// <see cref="SessionBoundary"/> opening the first turn of each session after the first.
/// </summary>
public sealed class SessionLoop(SessionPlan plan, IAppraiser appraiser, TimeProvider clock, VerdictBoard? guard = null, ILogger? log = null)
{
    private readonly List<RunEvent> _turnEvents = [];
    private SessionPrefix _prefix = SessionPrefix.None;
    private int _turn;

    /// <summary>Completed turns so far.</summary>
    public int CompletedTurns { get; private set; }

    /// <summary>
    /// Runs the session from the end of <paramref name="prefix"/> (replayed, not regenerated) until its
    /// configured length or cancellation (which abandons only the turn in progress). The run's opening
    /// events are in the log already; each completed turn's events go to <paramref name="events"/>.
    /// </summary>
    public async Task RunAsync(ChannelWriter<RunEvent> events, ChannelWriter<TurnView> monitor, SessionPrefix prefix, CancellationToken cancellationToken)
    {
        _prefix = prefix;
        var config = plan.Configuration;
        var persona = plan.Persona;
        var patient = NewPatient();
        var therapist = NewTherapist();
        var probes = config.ProbeEvery > 0 ? ProbeSet.For(persona) : [];
        var appraise = plan.AppraisalModel is { } appraisal ? new ModelAppraiser(Open(appraisal)) : appraiser;
        var notes = new CaseNotes(persona, plan.Protocol);
        var state = persona.InitialState();

        // A course's sessions: the patient's state, the trajectory and the persona's events carry on
        // across them; the agents' conversations, the history the monitor sees, and the acts the
        // patient reacts to start again in each.
        var session = new Course(1, 1, state, null, null);
        var history = new List<Exchange>();
        var reports = new PatientHistory();
        var earlier = new Queue<ClinicalState>();
        var fired = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<string> lastActs = [];
        var memory = TrajectoryMemory.Empty;
        for (_turn = 1; _turn <= config.TotalTurns; _turn++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var span = Hosting.EngineTelemetry.StartTurn(_turn);

            // Lines logged during the turn (model calls' retries, failures) carry it, beside the run's scope.
            using var turnScope = log?.BeginScope(new Dictionary<string, object> { ["Turn"] = _turn });
            _turnEvents.Clear();
            var replaying = prefix.Replays(_turn);
            var recorded = replaying ? prefix.Turn(_turn) : null;
            if (config.StartsSession(_turn))
            {
                var ended = new SessionContext(
                    persona, plan.Protocol, config.Style, config.Seed, _turn, config.TotalTurns, state, [], lastActs, null, null, session.Number, session.FirstTurn, session.Notes, session.Recap);
                session = await OpenSessionAsync(events, session, ended, therapist, history, cancellationToken).ConfigureAwait(false);
                state = session.Start;
                patient = NewPatient();
                therapist = NewTherapist();
                history = [];
                reports = new PatientHistory();
                earlier.Clear();
                lastActs = [];
            }

            foreach (var (name, value) in prefix.StateSetAt(_turn))
            {
                state = state.With(name, value);
            }

            var due = TrajectoryStepper.DueEvents(persona, state, _turn, fired);
            state = TrajectoryStepper.ApplyEvents(state, due);
            foreach (var e in due)
            {
                fired.Add(e.Id);
                _turnEvents.Add(new EventFired(_turn, clock.GetUtcNow(), e.Id, e.Say));
            }

            // The state the patient speaks from, and the one a trend window before it (the session's first, if nearer).
            earlier.Enqueue(state);
            while (earlier.Count > LineCondition.TrendWindow + 1)
            {
                earlier.Dequeue();
            }

            var context = new SessionContext(
                persona, plan.Protocol, config.Style, config.Seed, _turn, config.TotalTurns, state, due, lastActs, null, null, session.Number, session.FirstTurn, session.Notes, session.Recap,
                Earlier: earlier.Count > 1 ? earlier.Peek() : null);
            var directed = InstrumentReadout.Of(state);
            string patientText, reply;
            IReadOnlyList<string> groundTruth, acts;
            try
            {
                // Patient guard waits for the verdict on the last turn before the patient speaks; guard mode, before the therapist replies.
                var verdict = config.PatientGuard && recorded is null ? await VerdictAsync(cancellationToken).ConfigureAwait(false) : null;
                context = context with { PatientCorrection = verdict is null ? null : Correction(verdict, persona) };
                patientText = prefix.InjectedAt(_turn) ?? await patient.SpeakAsync(history, context, cancellationToken).ConfigureAwait(false);
                _turnEvents.Add(new PatientSpoke(_turn, clock.GetUtcNow(), patientText));
                if (config.Guard && recorded is null)
                {
                    verdict ??= await VerdictAsync(cancellationToken).ConfigureAwait(false);
                }

                context = context with { PatientCorrection = null, GuardNote = recorded is null ? GuardNoteFor(verdict) : recorded.GuardNote?.Note };
                (reply, groundTruth) = await therapist.ReplyAsync(history, patientText, context, cancellationToken).ConfigureAwait(false);
                _turnEvents.Add(new TherapistReplied(_turn, clock.GetUtcNow(), reply, groundTruth));
                acts = recorded?.AppraisedActs ?? await appraise.AppraiseAsync(persona, patientText, reply, cancellationToken).ConfigureAwait(false);
                _turnEvents.Add(new PatientAppraised(_turn, clock.GetUtcNow(), acts, appraise.Name));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The turn is lost, but the model calls it made are facts worth keeping.
                Commit(events, [.. _turnEvents.OfType<ModelCalled>()]);
                throw;
            }
            (state, memory) = TrajectoryStepper.Step(persona, state, acts, _turn, memory, SeededRandom.For(config.Seed, "trajectory", _turn));
            if (recorded is not null)
            {
                Replayed.Check(recorded, due, state);
            }
            else
            {
                if (ProbeSet.DueAfter(_turn, config.ProbeEvery))
                {
                    await AskAsync(probes, patient, therapist, [.. history, new Exchange(patientText, reply)], context, cancellationToken).ConfigureAwait(false);
                }

                if (SelfReportProbe.DueAfter(_turn, config.SelfReportEvery))
                {
                    await AskAsync(SelfReportProbe.All, patient, therapist, [.. history, new Exchange(patientText, reply)], context, cancellationToken).ConfigureAwait(false);
                }

                // A state the log's reader would refuse is never written: the turn fails, naming the variable.
                if (StateVariables.Problem(state.Variables) is { } problem)
                {
                    Commit(events, [.. _turnEvents.OfType<ModelCalled>()]);
                    throw new InvalidOperationException($"turn {_turn}: {problem}; the turn is not written (check the persona's dynamics)");
                }

                // The state step closes the turn: a turn is complete once it is in the log.
                _turnEvents.Add(new StateStepped(_turn, clock.GetUtcNow(), state.Variables));
                Commit(events, [.. _turnEvents]);
            }

            var view = new TurnView(
                _turn, patientText, reply, [.. history.Take(TurnView.OpeningLength)], [.. history.TakeLast(TurnView.RecentLength)], notes, reports, directed);
            history.Add(new Exchange(patientText, reply));
            reports.Add(_turn, patientText);
            CompletedTurns = _turn;
            if (_turn >= prefix.MonitorFrom && !monitor.TryWrite(view))
            {
                throw new InvalidOperationException("The monitor channel refused a turn.");
            }

            lastActs = acts;
        }
    }

    /// <summary>
    /// The boundary before the first turn of the next session of a course: the patient's state
    /// crosses the gap (<see cref="SessionDrift"/>), the therapist writes its notes on the session
    /// just ended (<paramref name="ended"/>; answered from the log when the turn is replayed), and
    /// the patient keeps a recap of it. The <see cref="SessionBoundary"/> opens the turn's events.
    /// </summary>
    private async Task<Course> OpenSessionAsync(
        ChannelWriter<RunEvent> events, Course session, SessionContext ended, TherapistAgent therapist, IReadOnlyList<Exchange> history, CancellationToken cancellationToken)
    {
        var next = session.Number + 1;
        var before = ended.State;
        var after = SessionDrift.Apply(plan.Persona, session.Start, before, plan.Configuration.Seed, next);
        if (StateVariables.Problem(after.Variables) is { } problem)
        {
            throw new InvalidOperationException($"session {next}: {problem} over the gap between sessions (check the persona's dynamics.between_sessions)");
        }

        string notes;
        try
        {
            notes = await therapist.WriteNotesAsync(history, ended, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Commit(events, [.. _turnEvents.OfType<ModelCalled>()]);
            throw;
        }

        var by = plan.TherapistModel.Reference.IsScripted ? SessionBoundary.Kinds.Scripted : SessionBoundary.Kinds.Model;
        var boundary = new SessionBoundary(_turn, clock.GetUtcNow(), next, before.Variables, after.Variables, notes, by);
        if (_prefix.Replays(_turn))
        {
            Replayed.Check(_turn, _prefix.Boundary(_turn), boundary);
        }

        // The boundary leads the turn's events, before the notes call it reports.
        _turnEvents.Insert(0, boundary);
        return new Course(next, _turn, after, notes, SessionRecap.For(history, session.Number));
    }

    private PatientAgent NewPatient() => new(Open(plan.PatientModel), Budget(plan.PatientModel), Open(plan.PatientModel, "probe"));

    private TherapistAgent NewTherapist() => new(Open(plan.TherapistModel), Budget(plan.TherapistModel), Open(plan.TherapistModel, "probe"), Open(plan.TherapistModel, "notes"));

    /// <summary>
    /// Puts the probes to the agents on copies of their conversations after the completed turn; each
    /// answer, scored where it can be, joins the turn's events. A probe whose call fails is recorded
    /// unscored: the turn it follows is complete and is kept.
    /// </summary>
    private async Task AskAsync(
        IReadOnlyList<Probe> probes, PatientAgent patient, TherapistAgent therapist, IReadOnlyList<Exchange> history, SessionContext context, CancellationToken cancellationToken)
    {
        foreach (var probe in probes)
        {
            string answer;
            try
            {
                answer = probe.Role == "patient"
                    ? await patient.AnswerProbeAsync(history, probe, context, cancellationToken).ConfigureAwait(false)
                    : await therapist.AnswerProbeAsync(history, probe, context, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _turnEvents.Add(new ProbeAnswered(_turn, clock.GetUtcNow(), probe.Role, probe.Name, probe.Question, "", null, $"{RecordedReply.ProbeCallFailed}: {ex.Message}"));
                continue;
            }

            var score = answer.Length == 0 ? ProbeScore.Not("the answer is empty") : probe.Score(answer);
            _turnEvents.Add(new ProbeAnswered(_turn, clock.GetUtcNow(), probe.Role, probe.Name, probe.Question, answer, score.Value, score.Unscored));
        }
    }

    /// <summary>Guard modes: the monitor's verdict on the previous turn, once it is posted (none before the first turn).</summary>
    private async Task<TurnVerdict?> VerdictAsync(CancellationToken cancellationToken) =>
        guard is null || _turn == 1 ? null : await guard.TakeAsync(_turn - 1, cancellationToken).ConfigureAwait(false);

    /// <summary>Guard mode: the verdict's alerts as a supervisor's note to the therapist, recorded; null without alerts.</summary>
    private string? GuardNoteFor(TurnVerdict? verdict)
    {
        if (!plan.Configuration.Guard || verdict is null || GuardNote.For(verdict, AlertRule.Defaults) is not { } note)
        {
            return null;
        }

        _turnEvents.Add(new GuardNoteSent(_turn, clock.GetUtcNow(), _turn - 1, note.Metrics, note.Note));
        return note.Note;
    }

    /// <summary>Patient guard: the correction the patient's direction carries when the verdict shows it broke role, recorded; null otherwise.</summary>
    private string? Correction(TurnVerdict verdict, Persona persona)
    {
        if (PatientCorrection.For(verdict, persona) is not { } correction)
        {
            return null;
        }

        _turnEvents.Add(new PatientCorrected(_turn, clock.GetUtcNow(), verdict.Turn, correction.Metrics, correction.Correction));
        return correction.Correction;
    }

    private static void Commit(ChannelWriter<RunEvent> events, params RunEvent[] batch)
    {
        foreach (var e in batch)
        {
            if (!events.TryWrite(e))
            {
                throw new InvalidOperationException("The run's event channel refused an event.");
            }
        }
    }

    private IChatClient Open(RoleModel model, string? purpose = null)
    {
        var role = purpose is null ? model.Role : $"{model.Role}.{purpose}";
        var live = model.Open(call =>
        {
            _turnEvents.Add(new ModelCalled(
                _turn, clock.GetUtcNow(), role, model.Reference.ToString(), call.RequestHash, call.PromptTokens, call.CompletionTokens,
                call.CachedTokens, call.LatencyMs, call.Attempt, call.Error));
            if (call.Redacted.Count > 0)
            {
                _turnEvents.Add(new SecretRedacted(_turn, clock.GetUtcNow(), role, call.Redacted));
            }
        });
        return new ReplayingChatClient(live, () => !_prefix.Replays(_turn) ? null : (purpose, model.Role) switch
        {
            (null, "patient") => _prefix.Turn(_turn).Patient,
            (null, "therapist") => _prefix.Turn(_turn).Therapist,
            ("summary", var r) => _prefix.Summary(_turn, r),
            ("notes", "therapist") => _prefix.Boundary(_turn)?.Notes,
            _ => throw new InvalidOperationException($"A replayed turn does not call {role}."),
        });
    }

    private ContextBudget? Budget(RoleModel model) => model.ContextTokens <= 0
        ? null
        : new ContextBudget(model.ContextTokens, model.Tokens, Open(model, "summary"), c => _turnEvents.Add(new ContextCompacted(
            _turn, clock.GetUtcNow(), model.Role, c.FromTurn, c.Summary, c.TokensBefore, c.TokensAfter)));
}

