using System.CommandLine;
using System.Globalization;
using Simulator.Core.Validation;
using Simulator.Engine.Catalog;
using Simulator.Storage.Runs;
using Simulator.Storage.Runs.Catalog;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator runs list</c>: the runs of the runs folder from its catalog (<c>catalog.db</c>,
/// brought up to date first), filtered by configuration, status, parent, creation date and
/// conditions on session aggregates.
/// </summary>
internal static class RunsListCommand
{
    private static readonly string[] Statuses =
    [
        RunStatus.Starting, RunStatus.Running, RunStatus.Completed, RunStatus.Cancelled, RunStatus.Failed,
        RunStatus.Interrupted, RunStatus.Damaged, RunStatus.Orphaned,
    ];

    public static Command Create(Func<ParseResult, RunStore> store, Option<bool> json, Option<string?> runs)
    {
        var persona = new Option<string?>("--persona") { Description = "Only runs of this persona id (* and ? match any text)" };
        var therapist = new Option<string?>("--therapist") { Description = "Only runs with this therapist model reference (e.g. scripted:sycophantic, or scripted:*)" };
        var protocol = new Option<string?>("--protocol") { Description = "Only runs of this protocol id" };
        var status = new Option<string?>("--status") { Description = $"Only runs with this status: {string.Join(", ", Statuses)}" };
        var parent = new Option<string?>("--parent") { Description = "Only branches of this run" };
        var since = new Option<string?>("--since") { Description = "Only runs created on or after DATE (2026-11-23, or a date and time)" };
        var until = new Option<string?>("--until") { Description = "Only runs created on or before DATE (a date alone includes that whole day)" };
        var where = new Option<string[]>("--where")
        {
            Description = $"Only runs whose session aggregate meets \"<metric>.<aggregate> <op> <number>\" (repeatable), e.g. \"sycophancy.dcs.max >= 2\"; "
                + $"aggregates: {string.Join(", ", RunCatalog.MetricAggregates)}, or a session key such as deterioration.latent.phq9; op: < <= > >= = !=",
        };
        var limit = new Option<int?>("--limit") { Description = "Only the N most recently created of the matching runs" };
        var list = new Command("list", "List the runs, from the runs folder's catalog") { persona, therapist, protocol, status, parent, since, until, where, limit, json, runs };
        list.SetAction(parse => CommandAction.Guard(() =>
        {
            var query = new RunQuery
            {
                Persona = parse.GetValue(persona),
                Therapist = parse.GetValue(therapist),
                Protocol = parse.GetValue(protocol),
                Status = Status(parse.GetValue(status)),
                Parent = RunId(parse.GetValue(parent)),
                Since = Date(parse.GetValue(since), "--since", endOfDay: false),
                Until = Date(parse.GetValue(until), "--until", endOfDay: true),
                Where = [.. (parse.GetValue(where) ?? []).Select(AggregateCondition.Parse)],
                Limit = parse.GetValue(limit) is { } n ? (n >= 1 ? n : throw new InvalidInputException($"{n} is not a number of runs (1 or more)", field: "--limit")) : null,
            };
            var catalog = SessionRunCatalog.Create(store(parse));
            var listing = catalog.List(query);
            if (listing.Sync.Rebuilt is { } why)
            {
                Serilog.Log.Information("Run catalog: {Why}", why);
            }

            Serilog.Log.Debug("Run catalog {Path}: {Runs} runs, {Indexed} indexed, {Removed} removed", catalog.DatabasePath, listing.Sync.Runs, listing.Sync.Indexed, listing.Sync.Removed);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(listing.Runs);
            }
            else
            {
                Console.Out.WriteLine($"{"run",-52} {"status",-11} {"turns",5}  therapist");
                foreach (var r in listing.Runs)
                {
                    Console.Out.WriteLine($"{r.RunId,-52} {r.Status,-11} {r.Turns,5}  {r.Therapist}{Hint(r)}");
                }
            }

            foreach (var warning in listing.Warnings)
            {
                Console.Error.WriteLine($"warning: {warning}");
            }

            return ExitCodes.Success;
        }));
        return list;
    }

    /// <summary>What to do about a run that is not whole: the command that continues or repairs it.</summary>
    private static string Hint(RunSummary r) => r.Status switch
    {
        RunStatus.Interrupted => $"  (continue: simulator resume {r.RunId})",
        RunStatus.Orphaned => $"  (no manifest: simulator runs repair {r.RunId})",
        RunStatus.Damaged => $"  (log damaged: simulator runs show {r.RunId} says where)",
        _ => "",
    };

    private static string? Status(string? status) => status is null || Statuses.Contains(status, StringComparer.Ordinal)
        ? status
        : throw new InvalidInputException($"unknown status '{status}' (known: {string.Join(", ", Statuses)})", field: "--status");

    private static string? RunId(string? id) => id is null || RunStore.IsRunId(id)
        ? id
        : throw new InvalidInputException($"'{id}' is not a run id", field: "--parent");

    private static DateTimeOffset? Date(string? text, string field, bool endOfDay)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1).AddTicks(-1) : start;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw new InvalidInputException($"'{text}' is not a date (expected 2026-11-23 or 2026-11-23T14:00:00Z)", field: field);
    }
}
