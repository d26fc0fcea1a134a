namespace Simulator.Storage.Runs.Catalog;

/// <summary>The runs a query matched, oldest first, with warnings about folders that could not be read.</summary>
/// <param name="Runs">The matching runs.</param>
/// <param name="Warnings">Run folders with unreadable manifests, metrics no run has, and the like.</param>
/// <param name="Sync">What bringing the catalog up to date did.</param>
public sealed record RunListing(IReadOnlyList<RunSummary> Runs, IReadOnlyList<string> Warnings, CatalogSyncReport Sync);
