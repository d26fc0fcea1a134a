-- Simulator cluster schema for PostgreSQL, script 003: grain state.
--
-- Implements the query contract of Orleans' ADO.NET persistence provider 10.4.2 (see script 001).
-- The provider identifies a grain by @ServiceId, @GrainTypeString and its id in three parts:
-- @GrainIdN0 and @GrainIdN1 (a Guid's halves, or 0 and an integer key) and @GrainIdExtensionString
-- (a string key or a key extension, or null). It also passes @GrainIdHash and @GrainTypeHash, which
-- these queries do not need.
--
-- State is versioned: @GrainStateVersion is the version the grain last read (null if it read none),
-- and a change succeeds only from that version. A change answers one column, NewGrainStateVersion:
-- the new version, or null when the grain's version was stale (the provider then raises a conflict).

-- One text key for the three parts of a grain id. A null extension and an empty one stay distinct.
CREATE OR REPLACE FUNCTION grain_state_key(n0 bigint, n1 bigint, extension text)
RETURNS text
LANGUAGE sql IMMUTABLE
AS $function$ SELECT n0::text || ':' || n1::text || coalesce('/' || extension, '') $function$;

CREATE TABLE IF NOT EXISTS grain_state
(
    service_id  varchar(150) NOT NULL,
    grain_type  text         NOT NULL,
    grain_key   text         NOT NULL,
    payload     bytea        NULL,
    version     integer      NOT NULL,
    modified_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_type, grain_key)
);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- The stored state and its version; no row if the grain never wrote any.
('ReadFromStorageKey', $query$
SELECT payload AS "PayloadBinary", version AS "Version"
FROM grain_state
WHERE service_id = @ServiceId
    AND grain_type = @GrainTypeString
    AND grain_key = grain_state_key(@GrainIdN0, @GrainIdN1, @GrainIdExtensionString)
$query$),

-- Replaces the state from version @GrainStateVersion, or stores the first state when it is null.
('WriteToStorageKey', $query$
WITH replaced AS (
    UPDATE grain_state AS s
    SET payload = @PayloadBinary, version = s.version + 1, modified_at = now()
    WHERE s.service_id = @ServiceId
        AND s.grain_type = @GrainTypeString
        AND s.grain_key = grain_state_key(@GrainIdN0, @GrainIdN1, @GrainIdExtensionString)
        AND s.version = @GrainStateVersion
    RETURNING s.version
), stored AS (
    INSERT INTO grain_state (service_id, grain_type, grain_key, payload, version)
    SELECT @ServiceId, @GrainTypeString, grain_state_key(@GrainIdN0, @GrainIdN1, @GrainIdExtensionString), @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT (SELECT version FROM replaced UNION ALL SELECT version FROM stored) AS "NewGrainStateVersion"
$query$),

-- Empties the state but keeps its row and moves its version (the provider's default on clear).
('ClearStorageKey', $query$
WITH cleared AS (
    UPDATE grain_state AS s
    SET payload = NULL, version = s.version + 1, modified_at = now()
    WHERE s.service_id = @ServiceId
        AND s.grain_type = @GrainTypeString
        AND s.grain_key = grain_state_key(@GrainIdN0, @GrainIdN1, @GrainIdExtensionString)
        AND s.version = @GrainStateVersion
    RETURNING s.version
)
SELECT (SELECT version FROM cleared) AS "NewGrainStateVersion"
$query$),

-- Deletes the row (used on clear when the provider's DeleteStateOnClear is set). The answer is
-- the version after the one deleted, so that it differs from the grain's, as a success must.
('DeleteStorageKey', $query$
WITH deleted AS (
    DELETE FROM grain_state AS s
    WHERE s.service_id = @ServiceId
        AND s.grain_type = @GrainTypeString
        AND s.grain_key = grain_state_key(@GrainIdN0, @GrainIdN1, @GrainIdExtensionString)
        AND s.version = @GrainStateVersion
    RETURNING s.version
)
SELECT (SELECT version + 1 FROM deleted) AS "NewGrainStateVersion"
$query$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
