using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Simulator.Storage.Yaml;

/// <summary>A YAML parser that remembers where its last complete event ended, to place errors it gives no position for.</summary>
internal sealed class MarkedParser(string text) : IParser
{
    private readonly Parser _parser = new(new StringReader(text));

    /// <summary>The end of the last event read before the current one.</summary>
    public Mark Last { get; private set; } = Mark.Empty;

    /// <inheritdoc />
    public ParsingEvent? Current => _parser.Current;

    /// <inheritdoc />
    public bool MoveNext()
    {
        if (_parser.Current is { } current)
        {
            Last = current.End;
        }

        return _parser.MoveNext();
    }
}
