-- Simulator cluster schema for PostgreSQL, script 002: cluster membership.
--
-- Implements the query contract of Orleans' ADO.NET clustering provider 10.4.2 (see script 001).
-- Orleans calls a cluster a "deployment" in its parameters: @DeploymentId is the cluster id.
--
-- Membership is optimistic: every change to a member row also moves its cluster's version by one,
-- and succeeds only if the caller read the version it names in @Version. The queries that change a
-- member return one boolean column, true when the change was made.
--
-- Member rows carry Orleans' SiloStatus as a number: 3 is Active, 6 is Dead.

CREATE TABLE IF NOT EXISTS cluster_membership_version
(
    cluster_id varchar(150) PRIMARY KEY,
    version    integer      NOT NULL DEFAULT 0,
    changed_at timestamptz  NOT NULL DEFAULT now()
);

-- One row per silo incarnation: address, port and generation (its start) identify it.
CREATE TABLE IF NOT EXISTS cluster_member
(
    cluster_id      varchar(150) NOT NULL REFERENCES cluster_membership_version (cluster_id) ON DELETE CASCADE,
    address         varchar(45)  NOT NULL,
    port            integer      NOT NULL,
    generation      integer      NOT NULL,
    silo_name       varchar(150) NOT NULL,
    host_name       varchar(150) NOT NULL,
    status          integer      NOT NULL,
    proxy_port      integer      NOT NULL DEFAULT 0,
    suspect_times   text         NULL,
    start_time      timestamptz  NOT NULL,
    i_am_alive_time timestamptz  NOT NULL,
    PRIMARY KEY (cluster_id, address, port, generation)
);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Creates the cluster's version row; true if this call created it.
('InsertMembershipVersionKey', $query$
WITH created AS (
    INSERT INTO cluster_membership_version (cluster_id)
    VALUES (@DeploymentId)
    ON CONFLICT (cluster_id) DO NOTHING
    RETURNING cluster_id
)
SELECT count(*) > 0 AS "Created" FROM created
$query$),

-- Every member with the cluster's version. The version row is left-joined so that a cluster with no
-- members still answers one row (its member columns null), which tells the provider the version.
('MembershipReadAllKey', $query$
SELECT
    v.version           AS "Version",
    m.address           AS "Address",
    m.port              AS "Port",
    m.generation        AS "Generation",
    m.silo_name         AS "SiloName",
    m.host_name         AS "HostName",
    m.status            AS "Status",
    m.proxy_port        AS "ProxyPort",
    m.suspect_times     AS "SuspectTimes",
    m.start_time        AS "StartTime",
    m.i_am_alive_time   AS "IAmAliveTime"
FROM cluster_membership_version AS v
LEFT JOIN cluster_member AS m ON m.cluster_id = v.cluster_id
WHERE v.cluster_id = @DeploymentId
$query$),

-- One member (or none) with the cluster's version, as above.
('MembershipReadRowKey', $query$
SELECT
    v.version           AS "Version",
    m.address           AS "Address",
    m.port              AS "Port",
    m.generation        AS "Generation",
    m.silo_name         AS "SiloName",
    m.host_name         AS "HostName",
    m.status            AS "Status",
    m.proxy_port        AS "ProxyPort",
    m.suspect_times     AS "SuspectTimes",
    m.start_time        AS "StartTime",
    m.i_am_alive_time   AS "IAmAliveTime"
FROM cluster_membership_version AS v
LEFT JOIN cluster_member AS m
    ON m.cluster_id = v.cluster_id
    AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.cluster_id = @DeploymentId
$query$),

-- Adds a member if the version is still @Version and the member is new. The version moves first,
-- so concurrent callers queue on the version row and only the first with a given version wins.
('InsertMembershipKey', $query$
WITH moved AS (
    UPDATE cluster_membership_version AS v
    SET version = v.version + 1, changed_at = now()
    WHERE v.cluster_id = @DeploymentId
        AND v.version = @Version
        AND NOT EXISTS (
            SELECT 1 FROM cluster_member AS m
            WHERE m.cluster_id = @DeploymentId
                AND m.address = @Address AND m.port = @Port AND m.generation = @Generation)
    RETURNING v.cluster_id
), added AS (
    INSERT INTO cluster_member
        (cluster_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
    SELECT moved.cluster_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM moved
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT count(*) = 1 AS "Inserted" FROM added
$query$),

-- Changes a member's status, suspicions and heartbeat if the version is still @Version.
('UpdateMembershipKey', $query$
WITH moved AS (
    UPDATE cluster_membership_version AS v
    SET version = v.version + 1, changed_at = now()
    WHERE v.cluster_id = @DeploymentId
        AND v.version = @Version
        AND EXISTS (
            SELECT 1 FROM cluster_member AS m
            WHERE m.cluster_id = @DeploymentId
                AND m.address = @Address AND m.port = @Port AND m.generation = @Generation)
    RETURNING v.cluster_id
), changed AS (
    UPDATE cluster_member AS m
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM moved
    WHERE m.cluster_id = moved.cluster_id
        AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING 1
)
SELECT count(*) = 1 AS "Updated" FROM changed
$query$),

-- A member's heartbeat. It does not move the version: heartbeats are not membership changes.
('UpdateIAmAlivetimeKey', $query$
UPDATE cluster_member
SET i_am_alive_time = @IAmAliveTime
WHERE cluster_id = @DeploymentId
    AND address = @Address AND port = @Port AND generation = @Generation
$query$),

-- The gateways a client may connect to: members in status @Status (Active) that accept clients.
('GatewaysQueryKey', $query$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM cluster_member
WHERE cluster_id = @DeploymentId AND status = @Status AND proxy_port > 0
$query$),

-- Forgets a whole cluster: its version row, and with it (cascade) its members.
('DeleteMembershipTableEntriesKey', $query$
DELETE FROM cluster_membership_version
WHERE cluster_id = @DeploymentId
$query$),

-- Removes members that are not active and have not sent a heartbeat since @IAmAliveTime.
('CleanupDefunctSiloEntriesKey', $query$
DELETE FROM cluster_member
WHERE cluster_id = @DeploymentId AND status <> 3 AND i_am_alive_time < @IAmAliveTime
$query$),

-- Optional in 10.4.2, and preferred by it when present: removes one dead member, only if its row
-- still holds what the provider read (start, heartbeat and suspicions), so a row that changed since is kept.
('CleanupDefunctSiloEntryKey', $query$
DELETE FROM cluster_member
WHERE cluster_id = @DeploymentId
    AND address = @Address AND port = @Port AND generation = @Generation
    AND status = 6
    AND start_time = @StartTime
    AND i_am_alive_time = @IAmAliveTime
    AND suspect_times IS NOT DISTINCT FROM @SuspectTimes
$query$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
