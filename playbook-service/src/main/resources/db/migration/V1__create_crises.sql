-- A crisis: proposed from a signal (or by hand), then activated, contained, resolved and reviewed.
create table crisis (
    id               uuid primary key,
    title            varchar(300) not null,
    status           varchar(20)  not null,
    severity         varchar(20)  not null,
    drill            boolean      not null default false,
    signal_id        uuid unique,
    watch_id         uuid,
    playbook_id      uuid,
    playbook_version integer,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null default 0
);

create index crisis_status_created_at on crisis (status, created_at desc);

-- Every transition, with who, when and why: the backbone of the crisis timeline.
create table crisis_transition (
    id          uuid primary key,
    crisis_id   uuid         not null references crisis (id),
    from_status varchar(20),
    to_status   varchar(20)  not null,
    actor       varchar(200) not null,
    reason      varchar(2000),
    at          timestamptz  not null
);

create index crisis_transition_crisis on crisis_transition (crisis_id, at);
