namespace Simulator.Storage.Runs.Catalog;

/// <summary>What bringing the catalog up to date did.</summary>
/// <param name="Runs">Run folders with a manifest.</param>
/// <param name="Indexed">Runs read again because they were new or their files changed.</param>
/// <param name="Removed">Rows removed because their folder is gone.</param>
/// <param name="Rebuilt">Why <c>catalog.db</c> was deleted and rebuilt (damaged, not a database), or null.</param>
/// <param name="InMemory">True when the file could not be used (a read-only folder, say) and the catalog was built in memory.</param>
public sealed record CatalogSyncReport(int Runs, int Indexed, int Removed, string? Rebuilt, bool InMemory);
