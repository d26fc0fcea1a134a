using Simulator.Core.Events;
using Simulator.Core.Personas;
using Simulator.Core.Transcripts;
using Simulator.Core.Validation;
using Simulator.Engine.Sessions;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Runs;

/// <summary>Forks runs: a new run that references its parent's turns up to the fork and goes on with edits.</summary>
public sealed class RunBrancher(RunResolver resolver, SessionRunner runner, TimeProvider clock)
{
    /// <summary>
    /// A new run that takes <paramref name="parentRun"/>'s turns 1..<paramref name="at"/> (by reference)
    /// and goes on with <paramref name="edits"/>.
    /// </summary>
    public async Task<RunResult> BranchAsync(string parentRun, int at, BranchEdits edits, string? runsRoot, CancellationToken cancellationToken)
    {
        var store = runner.Store(runsRoot);
        var parent = RunHistory.Load(store, store.Open(parentRun));
        var parentTranscript = RunTranscript.From(parent.Events);
        var parentTurns = parentTranscript.Turns.Count;
        if (at < 0 || at > parentTurns)
        {
            throw new InvalidInputException($"{at} is out of range: run {parent.Folder.RunId} has turns 1..{parentTurns}", field: "--at");
        }

        var parentConfig = parentTranscript.Configuration ?? parent.Manifest.Configuration;
        var own = edits.Turns ?? Math.Max(1, parentConfig.TotalTurns - at);
        if (own < 1)
        {
            throw new InvalidInputException($"{own} is out of range: a branch runs at least 1 turn of its own", field: "--turns");
        }

        // A branch of a course keeps its sessions' length: its own turns run to the end of a session.
        var config = parentConfig with
        {
            Therapist = edits.Therapist ?? parentConfig.Therapist,
            Protocol = edits.Protocol ?? parentConfig.Protocol,
            Style = edits.Style ?? parentConfig.Style,
            Guard = edits.Guard ?? parentConfig.Guard,
            Turns = parentConfig.Sessions > 1 ? parentConfig.Turns : at + own,
            Sessions = parentConfig.Sessions > 1 ? (int)Math.Min(int.MaxValue, ((long)at + own + parentConfig.Turns - 1) / parentConfig.Turns) : 1,
        };
        var (plan, persona, protocol) = resolver.Resolve(config);
        RunResolver.Unchanged(persona.File, persona.Hash, parent.Manifest.PersonaHash, parent.Folder, "personaHash");
        var known = plan.Persona.InitialState().Variables;
        foreach (var name in edits.SetState.Keys.Where(n => !known.ContainsKey(n)))
        {
            throw new InvalidInputException($"'{name}' is not a state variable of {plan.Persona.Id} (known: {string.Join(", ", known.Keys)})", field: "--set");
        }

        if (edits.InjectPatient is { Length: 0 })
        {
            throw new InvalidInputException("the injected patient message is empty", field: "--inject-patient");
        }

        var created = clock.GetUtcNow();
        var inherited = RunHistory.Prefix(parent.Events, at).ToList();
        var fork = new BranchStarted(
            at, created, parent.Folder.RunId, ContentHash.Of(inherited, EventSerializer.Serialize), plan.Configuration, persona.Hash, protocol.Hash, edits.InjectPatient, edits.SetState);
        var manifest = SessionRunner.NewManifest(plan, persona, protocol, created) with { ParentRunId = parent.Folder.RunId, ParentTurn = at };
        var prefix = SessionPrefix.Of([.. inherited, fork], at, at + 1, fork);
        return await runner.StartAsync(store, manifest, inherited, [fork], plan, prefix, RunWatch.None, cancellationToken).ConfigureAwait(false);
    }
}
