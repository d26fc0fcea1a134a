-- Simulator cluster schema for PostgreSQL, script 001: the table of named queries.
--
-- Scripts 001 to 003 implement the query contract of Orleans' ADO.NET clustering and persistence
-- providers 10.4.2 (Microsoft.Orleans.Clustering.AdoNet, Microsoft.Orleans.Persistence.AdoNet).
-- The providers keep no SQL of their own: at start they read it from a table they call OrleansQuery
-- (columns QueryKey and QueryText), then run each text with named parameters (@DeploymentId, ...)
-- and read the result columns by name. The query keys, parameter names and result column names are
-- therefore theirs; the tables behind the queries, their columns and how versions are checked are ours.
--
-- Simulator.Cluster.Hosting.ClusterSchema applies these scripts in order, each once, under an advisory
-- lock, and records each in simulator_cluster_schema. Every statement is also safe to run again.

-- The providers query this table unquoted (SELECT QueryKey, QueryText FROM OrleansQuery), which
-- PostgreSQL folds to the lower-case names below.
CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64) PRIMARY KEY,
    querytext text        NOT NULL
);
