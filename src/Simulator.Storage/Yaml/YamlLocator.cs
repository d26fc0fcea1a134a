using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Simulator.Storage.Yaml;

/// <summary>
/// Maps between field paths (<c>presentation.beliefs[0].conviction</c>) and lines of a YAML
/// document, so every error can name both.
/// </summary>
internal sealed class YamlLocator
{
    private readonly List<(string Path, Mark Start)> _nodes = [];

    public YamlLocator(YamlNode? root)
    {
        if (root is not null)
        {
            Walk(root, "");
        }
    }

    /// <summary>The 1-based line of <paramref name="path"/>, or of its nearest ancestor present in the file.</summary>
    public int? LineOf(string path)
    {
        for (var p = path; ; p = Parent(p))
        {
            var hit = _nodes.FirstOrDefault(n => n.Path == p);
            if (hit.Path is not null)
            {
                return (int)hit.Start.Line;
            }

            if (p.Length == 0)
            {
                return null;
            }
        }
    }

    /// <summary>The path of the node at (or last before) <paramref name="mark"/>.</summary>
    public string? PathAt(Mark mark)
    {
        string? best = null;
        foreach (var (path, start) in _nodes)
        {
            if (start.Line < mark.Line || (start.Line == mark.Line && start.Column <= mark.Column))
            {
                best = path;
            }
        }

        return best is "" ? null : best;
    }

    private void Walk(YamlNode node, string path)
    {
        _nodes.Add((path, node.Start));
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var name = key is YamlScalarNode s ? s.Value ?? "" : "?";
                    var child = path.Length == 0 ? name : $"{path}.{name}";
                    _nodes.Add((child, key.Start));
                    Walk(value, child);
                }

                break;
            case YamlSequenceNode seq:
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    Walk(seq.Children[i], $"{path}[{i}]");
                }

                break;
        }
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
