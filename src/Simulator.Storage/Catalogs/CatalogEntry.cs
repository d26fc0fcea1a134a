namespace Simulator.Storage.Catalogs;

/// <summary>A loaded document with the file it came from and the SHA-256 of its bytes.</summary>
public sealed record CatalogEntry<T>(T Document, string File, string Hash);
