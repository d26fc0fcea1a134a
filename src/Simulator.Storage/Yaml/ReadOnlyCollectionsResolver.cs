using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Simulator.Storage.Yaml;

/// <summary>Lets YamlDotNet fill the read-only collection properties of the domain records.</summary>
internal sealed class ReadOnlyCollectionsResolver : INodeTypeResolver
{
    public bool Resolve(NodeEvent? nodeEvent, ref Type currentType)
    {
        if (!currentType.IsGenericType)
        {
            return false;
        }

        var definition = currentType.GetGenericTypeDefinition();
        if (definition == typeof(IReadOnlyList<>))
        {
            currentType = typeof(List<>).MakeGenericType(currentType.GetGenericArguments());
            return true;
        }

        if (definition == typeof(IReadOnlyDictionary<,>))
        {
            currentType = typeof(Dictionary<,>).MakeGenericType(currentType.GetGenericArguments());
            return true;
        }

        return false;
    }
}
