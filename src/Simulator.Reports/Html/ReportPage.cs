using System.Globalization;
using System.Text;
using Simulator.Reports.Plots;
using Simulator.Reports.Transcripts;
using static System.Net.WebUtility;

namespace Simulator.Reports.Html;

/// <summary>
/// A report's <c>index.html</c>, built section by section. The page is self-contained: its style is
/// inline, it has no scripts, plots are inlined as PNG <c>data:</c> URIs, and links may only be
/// relative paths inside the report folder (refused otherwise), so it opens from disk with no
/// network and no other file. Collapsible parts are <c>&lt;details&gt;</c> elements.
/// </summary>
public sealed class ReportPage(string title)
{
    private const string ReportStyle = """
        nav ul{columns:3;font-size:.9rem}figure.plot{margin:1rem 0}figure.plot img{max-width:100%;height:auto;border:1px solid #eee;box-sizing:border-box}
        figcaption{font-size:.85rem;color:#555}table.data{font-size:.85rem;width:auto;max-width:100%}table.data th{text-align:left;border-bottom:2px solid #ccc;padding:2px 6px;vertical-align:bottom}
        table.data td{padding:2px 6px;overflow-wrap:anywhere}table.data td.n{text-align:right;font-variant-numeric:tabular-nums;overflow-wrap:normal}details{margin:.4rem 0}
        summary{cursor:pointer;font-weight:600}ul.tree{font-family:ui-monospace,monospace;font-size:.85rem}ul.tree ul{margin:0;padding-left:1.4rem}
        .here{background:#fff3c4;font-weight:600}p.note{font-size:.85rem;color:#555}body>h2{margin-top:2.2rem;font-size:1.25rem}
        """;

    private readonly StringBuilder _body = new();
    private readonly List<(string Id, string Text)> _sections = [];

    /// <summary>The page's title.</summary>
    public string Title { get; } = title;

    /// <summary>Starts a section listed in the page's contents.</summary>
    public ReportPage Section(string id, string heading)
    {
        _sections.Add((id, heading));
        _body.Append(CultureInfo.InvariantCulture, $"<h2 id=\"{HtmlEncode(id)}\">{HtmlEncode(heading)}</h2>\n");
        return this;
    }

    /// <summary>A paragraph of text.</summary>
    public ReportPage Paragraph(string text, string? cssClass = null)
    {
        _body.Append(CultureInfo.InvariantCulture, $"<p{(cssClass is null ? "" : $" class=\"{HtmlEncode(cssClass)}\"")}>{HtmlEncode(text)}</p>\n");
        return this;
    }

    /// <summary>A plot, inlined as PNG, with links to its PNG and SVG files in the report folder.</summary>
    public ReportPage Plot(RenderedChart plot, string pngHref, string svgHref) => Plot(RenderedFigure.Of(plot), pngHref, svgHref);

    /// <summary>A figure, inlined as PNG (scaled down to the page's width), with links to its PNG and SVG files and an optional caption.</summary>
    public ReportPage Plot(RenderedFigure plot, string pngHref, string svgHref, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(plot);
        _body.Append(CultureInfo.InvariantCulture, $"<figure class=\"plot\" id=\"plot-{HtmlEncode(plot.Name)}\"><img class=\"plot\" width=\"{plot.Width}\" height=\"{plot.Height}\" alt=\"{HtmlEncode(plot.Title)}\" src=\"{plot.PngDataUri}\">");
        _body.Append(CultureInfo.InvariantCulture, $"<figcaption>{HtmlEncode(caption ?? plot.Title)} · <a href=\"{Href(pngHref)}\">PNG</a> · <a href=\"{Href(svgHref)}\">SVG</a></figcaption></figure>\n");
        return this;
    }

    /// <summary>A table with a header row.</summary>
    public ReportPage Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<ReportCell>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        _body.Append("<table class=\"data\"><thead><tr>");
        foreach (var h in header)
        {
            // Long column names (summary.csv's) may break after a dot or an underscore, never inside a word.
            _body.Append(CultureInfo.InvariantCulture, $"<th>{HtmlEncode(h).Replace(".", ".<wbr>", StringComparison.Ordinal).Replace("_", "_<wbr>", StringComparison.Ordinal)}</th>");
        }

        _body.Append("</tr></thead><tbody>\n");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            foreach (var cell in row)
            {
                var text = HtmlEncode(cell.Text);
                _body.Append(CultureInfo.InvariantCulture, $"<td{(cell.Numeric ? " class=\"n\"" : "")}>{(cell.Href is { } href ? $"<a href=\"{Href(href)}\">{text}</a>" : text)}</td>");
            }

            _body.Append("</tr>\n");
        }

        _body.Append("</tbody></table>\n");
        return this;
    }

    /// <summary>A collapsible part, closed at first, holding what <paramref name="content"/> adds to the page.</summary>
    public ReportPage Details(string summary, Action content, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        _body.Append(CultureInfo.InvariantCulture, $"<details{(id is null ? "" : $" id=\"{HtmlEncode(id)}\"")}><summary>{HtmlEncode(summary)}</summary>\n");
        content();
        _body.Append("</details>\n");
        return this;
    }

    /// <summary>A run's transcript (<see cref="HtmlTranscript.Body"/>).</summary>
    public ReportPage Transcript(Core.Transcripts.RunTranscript transcript, string anchor = "")
    {
        HtmlTranscript.Body(_body, transcript, anchor);
        return this;
    }

    /// <summary>Trees of runs and their branches, as nested lists.</summary>
    public ReportPage Tree(IReadOnlyList<ReportTreeNode> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        Nodes(_body, roots, 0);
        return this;
    }

    /// <summary>The page.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder(_body.Length + 4096);
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{HtmlEncode(Title)}</title><style>{HtmlTranscript.Style}{ReportStyle}</style></head><body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{HtmlEncode(Title)}</h1>\n<nav><ul>");
        foreach (var (id, text) in _sections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{HtmlEncode(id)}\">{HtmlEncode(text)}</a></li>");
        }

        html.Append("</ul></nav>\n").Append(_body).Append("</body></html>\n");
        return html.ToString();
    }

    private static void Nodes(StringBuilder html, IReadOnlyList<ReportTreeNode> nodes, int depth)
    {
        html.Append(depth == 0 ? "<ul class=\"tree\">" : "<ul>");
        foreach (var node in nodes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><span{(node.Highlighted ? " class=\"here\"" : "")}>{HtmlEncode(node.Label)}</span>");
            if (node.Children.Count > 0)
            {
                Nodes(html, node.Children, depth + 1);
            }

            html.Append("</li>");
        }

        html.Append("</ul>\n");
    }

    /// <summary>A link inside the report folder: a relative path, never a scheme, a host or a parent folder.</summary>
    private static string Href(string path)
    {
        if (path.Contains(':', StringComparison.Ordinal) || path.StartsWith('/') || path.Contains("//", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal)
            || path.Split('/').Contains(".."))
        {
            throw new ArgumentException($"a report links only to files inside its folder, not '{path}'", nameof(path));
        }

        return HtmlEncode(path);
    }
}
