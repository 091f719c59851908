-- When the surge behind a crisis was detected (the signal's time); proposals by hand have none.
alter table crisis add column detected_at timestamptz;

-- The post-crisis review: what went wrong, what will be done about it, and what was learnt.
create table review_error (
    id          uuid primary key,
    crisis_id   uuid          not null references crisis (id),
    what        varchar(2000) not null,
    impact      varchar(2000) not null,
    recorded_by varchar(200)  not null,
    recorded_at timestamptz   not null
);

create index review_error_crisis on review_error (crisis_id, recorded_at);

create table action_item (
    id           uuid primary key,
    crisis_id    uuid         not null references crisis (id),
    title        varchar(300) not null,
    owner        varchar(200) not null,
    due_date     date         not null,
    status       varchar(20)  not null,
    created_by   varchar(200) not null,
    created_at   timestamptz  not null,
    updated_by   varchar(200) not null,
    updated_at   timestamptz  not null,
    completed_by varchar(200),
    completed_at timestamptz,
    version      bigint       not null default 0
);

create index action_item_crisis on action_item (crisis_id, created_at);

-- A lesson of a crisis, attached to the playbook it followed; open until a later version addresses it.
create table lesson (
    id                   uuid primary key,
    crisis_id            uuid          not null references crisis (id),
    playbook_id          uuid references playbook (id),
    learnt_in_version    integer,
    text                 varchar(2000) not null,
    recorded_by          varchar(200)  not null,
    recorded_at          timestamptz   not null,
    addressed_in_version integer,
    addressed_by         varchar(200),
    addressed_at         timestamptz
);

create index lesson_crisis on lesson (crisis_id, recorded_at);
create index lesson_playbook on lesson (playbook_id, recorded_at);

-- notification.deliveries.v1, as the crisis timeline needs it: who was reached, how, and when they acknowledged.
create table crisis_delivery (
    event_id        varchar(200) primary key,
    crisis_id       uuid         not null,
    notification_id uuid         not null,
    recipient       text         not null,
    channel         varchar(20)  not null,
    state           varchar(20)  not null,
    error           text,
    changed_at      timestamptz  not null
);

create index crisis_delivery_crisis on crisis_delivery (crisis_id, changed_at);
