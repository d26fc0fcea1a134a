namespace Simulator.Cluster.Tests.Postgres;

/// <summary>
/// The test classes that share one private PostgreSQL server: mark a class <c>[Collection(PostgresCollection.Name)]</c>
/// and take a <see cref="PostgresServer"/> in its constructor. Classes of one collection run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "postgres";
}
