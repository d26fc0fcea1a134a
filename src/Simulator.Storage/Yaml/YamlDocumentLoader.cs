using System.Text.RegularExpressions;
using Simulator.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Simulator.Storage.Yaml;

/// <summary>
/// Loads a YAML document into a domain record and validates it, turning every problem (syntax, an
/// unknown field, a wrong type, a rule) into an <see cref="InvalidInputException"/> naming file, line and field.
/// </summary>
public static partial class YamlDocumentLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithNodeTypeResolver(new ReadOnlyCollectionsResolver())
        .Build();

    /// <summary>The largest document accepted (a size limit for untrusted files).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The deepest nesting of mappings and sequences accepted (loading recurses once per level).</summary>
    public const int MaxDepth = 64;

    /// <summary>The most nodes aliases may add by repeating anchored ones (each level of an alias bomb multiplies them).</summary>
    public const int MaxAliasExpansion = 10_000;

    /// <summary>Loads <paramref name="path"/> as <typeparamref name="T"/> and checks it with <paramref name="rules"/>.</summary>
    public static T Load<T>(string path, Func<T, IReadOnlyList<ValidationIssue>> rules)
        where T : class
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InvalidInputException("file not found", path);
        }

        if (info.Length > MaxBytes)
        {
            throw new InvalidInputException($"file is larger than {MaxBytes} bytes", path);
        }

        return Parse(File.ReadAllText(path), path, rules);
    }

    /// <summary>Parses YAML text; <paramref name="path"/> names it in errors.</summary>
    public static T Parse<T>(string text, string path, Func<T, IReadOnlyList<ValidationIssue>> rules)
        where T : class
    {
        var stream = new YamlStream();
        var parser = new MarkedParser(text);
        try
        {
            CheckStructure(parser, path);
            parser = new MarkedParser(text);
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            throw new InvalidInputException($"YAML syntax error: {Clean(ex.Message)}", path, (int)ex.Start.Line, inner: ex);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner gives up this way when a flow collection is still open at the end.
            throw new InvalidInputException("YAML syntax error: a '[' or '{' is never closed", path, UnclosedFlowLine(text), inner: ex);
        }
        catch (ArgumentException ex)
        {
            // YamlDotNet throws these for some malformed input: a global tag that is not a URI, a sequence item "- : x".
            throw new InvalidInputException($"YAML syntax error: {ex.Message.Split(" (Parameter", 2)[0]}", path, (int)parser.Last.Line, inner: ex);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InvalidInputException("expected one YAML document holding a mapping", path, 1);
        }

        var locator = new YamlLocator(root);
        if (YamlNumbers.Find(root, typeof(T)) is { } number)
        {
            throw new InvalidInputException(number.Issue.Message, path, (int)number.At.Line, number.Issue.Field);
        }

        if (RequiredFields.Find(root, typeof(T)) is { } absent)
        {
            throw new InvalidInputException(absent.Issue.Message, path, (int)absent.At.Line, absent.Issue.Field);
        }

        T? value;
        try
        {
            value = Deserializer.Deserialize<T>(text);
        }
        catch (YamlException ex)
        {
            var field = locator.PathAt(ex.Start);
            throw new InvalidInputException(Explain(ex), path, (int)ex.Start.Line, field, ex);
        }

        if (value is null)
        {
            throw new InvalidInputException("the document is empty", path, 1);
        }

        IReadOnlyList<ValidationIssue> issues = DocumentNulls.Find(value) is { } missing ? [missing] : rules(value);
        if (issues.Count > 0)
        {
            var located = issues.Select(i => (Issue: i, Line: locator.LineOf(i.Field))).ToList();
            var first = located[0];
            var more = located.Skip(1).Select(x => $"\n{path}:{x.Line}: field '{x.Issue.Field}': {x.Issue.Message}");
            throw new InvalidInputException(first.Issue.Message + string.Concat(more), path, first.Line, first.Issue.Field);
        }

        return value;
    }

    /// <summary>
    /// The 1-based line of <paramref name="field"/> (a path as validation issues name them, <c>personas[1]</c>)
    /// in the YAML file <paramref name="path"/>, or null when the file or the field cannot be found; for
    /// errors found after loading, about values the document gave.
    /// </summary>
    public static int? LineOf(string path, string field)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(path)));
            return stream.Documents.Count == 1 ? new YamlLocator(stream.Documents[0].RootNode).LineOf(field) : null;
        }
        catch (Exception ex) when (ex is IOException or YamlException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Refuses, from the parser's events and before any node is built, nesting deeper than
    /// <see cref="MaxDepth"/>, aliases that expand past <see cref="MaxAliasExpansion"/> nodes, and an
    /// alias inside the node it names (a cycle): the loaders recurse over the nodes with aliases expanded.
    /// </summary>
    private static void CheckStructure(MarkedParser parser, string path)
    {
        var open = new Stack<(string? Anchor, long Start)>();
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        long nodes = 0, expanded = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case NodeEvent start and (SequenceStart or MappingStart):
                    if (open.Count == MaxDepth)
                    {
                        throw new InvalidInputException($"nesting is deeper than {MaxDepth} levels", path, (int)start.Start.Line);
                    }

                    open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, nodes++));
                    break;
                case SequenceEnd or MappingEnd when open.Count > 0:
                    var (anchor, first) = open.Pop();
                    if (anchor is not null)
                    {
                        sizes[anchor] = nodes - first;
                    }

                    break;
                case Scalar scalar:
                    nodes++;
                    if (!scalar.Anchor.IsEmpty)
                    {
                        sizes[scalar.Anchor.Value] = 1;
                    }

                    break;
                case AnchorAlias alias:
                    if (open.Any(o => o.Anchor == alias.Value.Value))
                    {
                        throw new InvalidInputException($"alias '*{alias.Value.Value}' is inside the node it names", path, (int)alias.Start.Line);
                    }

                    var size = sizes.GetValueOrDefault(alias.Value.Value, 1);
                    nodes += size;
                    expanded += size;
                    if (expanded > MaxAliasExpansion)
                    {
                        throw new InvalidInputException($"aliases expand to more than {MaxAliasExpansion} nodes", path, (int)alias.Start.Line);
                    }

                    break;
            }
        }
    }

    private static string Explain(YamlException ex)
    {
        var unknown = UnknownProperty().Match(ex.Message);
        if (unknown.Success)
        {
            return $"unknown field '{unknown.Groups[1].Value}'";
        }

        var message = ex.InnerException?.Message ?? ex.Message;
        var type = IntoType().Match(ex.Message);
        var expected = type.Success ? TypeName(type.Groups[1].Value)
            : ex.InnerException is FormatException && message.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
            : ex.InnerException is FormatException or OverflowException ? "a number"
            : null;
        return expected is null ? Clean(message) : $"wrong type: expected {expected} ({Clean(message)})";
    }

    private static int UnclosedFlowLine(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var depth = 0;
            var quote = '\0';
            foreach (var c in lines[i])
            {
                if (quote != '\0')
                {
                    quote = c == quote ? '\0' : quote;
                }
                else if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c == '#')
                {
                    break;
                }
                else
                {
                    depth += c is '[' or '{' ? 1 : c is ']' or '}' ? -1 : 0;
                }
            }

            if (depth > 0)
            {
                return i + 1;
            }
        }

        return lines.Length;
    }

    private static string TypeName(string clr) => clr switch
    {
        _ when clr.StartsWith("System.Double", StringComparison.Ordinal) => "a number",
        _ when clr.StartsWith("System.Int32", StringComparison.Ordinal) || clr.Contains("Nullable`1[[System.Int32", StringComparison.Ordinal) => "a whole number",
        _ when clr.StartsWith("System.Boolean", StringComparison.Ordinal) => "true or false",
        _ when clr.StartsWith("System.String", StringComparison.Ordinal) => "a text value",
        _ when clr.Contains("List`1", StringComparison.Ordinal) => "a list",
        _ when clr.Contains("Dictionary`2", StringComparison.Ordinal) => "a mapping",
        _ => "a mapping",
    };

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the caller reports the line.
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && cut > 0 ? message[(cut + 3)..] : message;
    }

    [GeneratedRegex("Property '([^']+)' not found on type")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"into type ([\w.`\[\], =]+)")]
    private static partial Regex IntoType();
}
