-- A playbook: its identity and which version is current. The content lives in playbook_version.
create table playbook (
    id              uuid primary key,
    name            varchar(200) not null,
    scenario_type   varchar(40)  not null,
    current_version integer      not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0
);

-- Every version ever saved, immutable: a crisis keeps the version it was proposed with.
create table playbook_version (
    id          uuid primary key,
    playbook_id uuid         not null references playbook (id),
    number      integer      not null,
    definition  text         not null,
    created_by  varchar(200) not null,
    created_at  timestamptz  not null,
    unique (playbook_id, number)
);

-- The signals that propose the playbook, from its current version (replaced on each edit), for matching.
create table playbook_trigger (
    id            uuid primary key,
    playbook_id   uuid        not null references playbook (id),
    watch_id      uuid        not null,
    min_severity  varchar(20) not null,
    severity_rank integer     not null
);

create index playbook_trigger_watch on playbook_trigger (watch_id, severity_rank);
