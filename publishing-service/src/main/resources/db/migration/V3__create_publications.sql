-- One row per text going out on one channel. The dispatcher claims due rows with FOR UPDATE SKIP LOCKED and
-- a lease (lease_owner, lease_until), so that each is sent by one replica and a crashed replica's claim expires.
create table publication (
    id            uuid primary key,
    statement_id  uuid,
    crisis_id     uuid,
    channel_id    uuid          not null references channel (id),
    platform      varchar(30)   not null,
    text          text          not null,
    allow_thread  boolean       not null,
    drill         boolean       not null,
    state         varchar(20)   not null,
    scheduled_at  timestamptz   not null,
    due_at        timestamptz   not null,
    attempts      integer       not null default 0,
    lease_owner   varchar(200),
    lease_until   timestamptz,
    hold_released boolean       not null default false,
    external_id   varchar(500),
    url           varchar(2000),
    last_error    varchar(2000),
    created_by    varchar(200)  not null,
    created_at    timestamptz   not null,
    updated_by    varchar(200)  not null,
    updated_at    timestamptz   not null,
    -- A redelivered statement event never creates a second publication on the same channel.
    constraint publication_statement_channel unique (statement_id, channel_id)
);

create index publication_due on publication (due_at) where state in ('SCHEDULED', 'RETRYING');
create index publication_lease on publication (lease_until) where state = 'PUBLISHING';
create index publication_crisis on publication (crisis_id);
create index publication_channel on publication (channel_id);

create table publication_transition (
    id             bigserial primary key,
    publication_id uuid          not null references publication (id),
    from_state     varchar(20),
    to_state       varchar(20)   not null,
    actor          varchar(200)  not null,
    reason         varchar(2000),
    at             timestamptz   not null
);

create index publication_transition_publication on publication_transition (publication_id, id);
