using System.Globalization;
using Simulator.Engine.Studies;
using Spectre.Console;

namespace Simulator.Cli.Commands;

/// <summary>
/// Shows a running study's progress on standard error: a live Spectre.Console panel (runs done,
/// turns/s, tokens, alerts, ETA) on a terminal, and a plain line every few seconds otherwise
/// (a log file, CI), so standard output keeps only the result.
/// </summary>
internal static class StudyProgressView
{
    private static readonly TimeSpan LineEvery = TimeSpan.FromSeconds(5);

    public static async Task<StudyResult> FollowAsync(Task<StudyResult> running, StudyProgress progress, string name)
    {
        if (Console.IsErrorRedirected)
        {
            while (await Task.WhenAny(running, Task.Delay(LineEvery)) != running)
            {
                await Console.Error.WriteLineAsync(Line(name, progress.Snapshot()));
            }

            return await running;
        }

        // The panel's escape sequences are its own: it draws on the raw stream (its text is the study's kebab-case name and numbers).
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Terminal.RawError) });
        return await console.Live(Panel(name, progress.Snapshot())).AutoClear(false).StartAsync(async live =>
        {
            while (await Task.WhenAny(running, Task.Delay(250)) != running)
            {
                live.UpdateTarget(Panel(name, progress.Snapshot()));
            }

            live.UpdateTarget(Panel(name, progress.Snapshot()));
            return await running;
        });
    }

    private static string Line(string name, StudyProgressSnapshot p) => string.Create(CultureInfo.InvariantCulture,
        $"study {name}: {p.Done}/{p.Runs} runs done, {p.Running} running, {p.Failed} failed · {p.Turns:N0}/{p.TotalTurns:N0} turns · {p.TurnsPerSecond:N0} turns/s · {p.Tokens:N0} tokens · {p.Alerts:N0} alerts · ETA {Eta(p)}");

    private static Panel Panel(string name, StudyProgressSnapshot p)
    {
        var share = p.TotalTurns == 0 ? 1 : (double)p.Turns / p.TotalTurns;
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("runs", string.Create(CultureInfo.InvariantCulture, $"{p.Done}/{p.Runs} done · {p.Running} running · {p.Failed} failed · {p.Skipped} from before"));
        grid.AddRow("turns", string.Create(CultureInfo.InvariantCulture, $"{p.Turns:N0}/{p.TotalTurns:N0} ({share:P0}) · {p.TurnsPerSecond:N0} turns/s"));
        grid.AddRow("tokens", p.Tokens.ToString("N0", CultureInfo.InvariantCulture));
        grid.AddRow("alerts", p.Alerts.ToString("N0", CultureInfo.InvariantCulture));
        grid.AddRow("elapsed", $"{p.Elapsed:hh\\:mm\\:ss} · ETA {Eta(p)}");
        return new Panel(grid).Header(Markup.Escape($"study {name}"));
    }

    private static string Eta(StudyProgressSnapshot p) => p.Eta is { } eta ? eta.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "-";
}
