using System.Collections.Concurrent;
using System.Security.Cryptography;
using Simulator.Core.Validation;
using Simulator.Storage.Yaml;

namespace Simulator.Storage.Catalogs;

/// <summary>
/// A folder of YAML documents (personas or protocols) found by id or by file path, each validated
/// on load. The first folder that exists is the catalog's home. A file loaded before is not parsed
/// again while its bytes are unchanged (documents are immutable records, shared by the runs that
/// load them): a study starting a thousand sessions of one persona reads its YAML once.
/// </summary>
public abstract class DocumentCatalog<T>
    where T : class
{
    private readonly IReadOnlyList<string> _folders;
    private readonly ConcurrentDictionary<string, CatalogEntry<T>> _loaded = new(StringComparer.Ordinal);

    /// <summary>Creates a catalog over the first existing folder of <paramref name="folders"/>.</summary>
    protected DocumentCatalog(IReadOnlyList<string> folders) => _folders = folders;

    /// <summary>What a document is called in messages ("persona", "protocol").</summary>
    protected abstract string Noun { get; }

    /// <summary>The id a document declares.</summary>
    protected abstract string IdOf(T document);

    /// <summary>Whether a document's id must equal its file name (true for personas and protocols, whose id is how runs name them).</summary>
    protected virtual bool IdMustMatchFileName => true;

    /// <summary>The document's rules.</summary>
    protected abstract IReadOnlyList<ValidationIssue> Validate(T document);

    /// <summary>The folder documents are read from, or null when none exists.</summary>
    public string? Folder => _folders.Select(Path.GetFullPath).FirstOrDefault(Directory.Exists);

    /// <summary>The YAML files of the catalog, by name.</summary>
    public IReadOnlyList<string> Files => Folder is { } f
        ? [.. Directory.EnumerateFiles(f, "*.yaml").Order(StringComparer.Ordinal)]
        : [];

    /// <summary>Loads a document by id (from the catalog folder) or by file path.</summary>
    public CatalogEntry<T> Get(string idOrFile)
    {
        if (idOrFile.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || idOrFile.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || File.Exists(idOrFile))
        {
            return LoadFile(idOrFile);
        }

        if (!Names.IsKebab(idOrFile))
        {
            throw new InvalidInputException($"'{idOrFile}' is neither a {Noun} id nor a .yaml file", field: Noun);
        }

        var path = Folder is { } folder ? Path.Combine(folder, idOrFile + ".yaml") : null;
        if (path is null || !File.Exists(path))
        {
            var known = Files.Select(Path.GetFileNameWithoutExtension);
            throw new InvalidInputException($"unknown {Noun} '{idOrFile}' (known: {string.Join(", ", known)})", field: Noun);
        }

        return LoadFile(path);
    }

    /// <summary>Loads and validates one file; its declared id must equal its file name.</summary>
    public CatalogEntry<T> LoadFile(string path)
    {
        var full = Path.GetFullPath(path);
        if (_loaded.TryGetValue(full, out var known) && HashOrNull(full) == known.Hash)
        {
            return known;
        }

        // Kept only when the bytes hashed before parsing are the ones the entry records: a file
        // rewritten during the load is parsed again next time.
        var before = HashOrNull(full);
        var entry = Parse(path);
        if (before == entry.Hash)
        {
            _loaded[full] = entry;
        }

        return entry;
    }

    /// <summary>The SHA-256 of a file's bytes, or null when it cannot be read now (the full load then says why).</summary>
    private static string? HashOrNull(string path)
    {
        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private CatalogEntry<T> Parse(string path)
    {
        var document = YamlDocumentLoader.Load<T>(path, Validate);
        var expected = Path.GetFileNameWithoutExtension(path);
        if (IdMustMatchFileName && IdOf(document) != expected)
        {
            throw new InvalidInputException($"id '{IdOf(document)}' must equal the file name '{expected}'", path, 1, "id");
        }

        return new CatalogEntry<T>(document, Path.GetFullPath(path), Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
    }

    /// <summary>Every document in the catalog, and the files that failed to load with their errors.</summary>
    public (IReadOnlyList<CatalogEntry<T>> Loaded, IReadOnlyList<InvalidInputException> Failed) LoadAll()
    {
        var loaded = new List<CatalogEntry<T>>();
        var failed = new List<InvalidInputException>();
        foreach (var file in Files)
        {
            try
            {
                loaded.Add(LoadFile(file));
            }
            catch (InvalidInputException ex)
            {
                failed.Add(ex);
            }
        }

        return (loaded, failed);
    }
}
