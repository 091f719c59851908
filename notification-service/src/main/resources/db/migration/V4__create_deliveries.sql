-- One delivery per notification and channel (e-mail first). A replica claims a due delivery by setting
-- lease_until under FOR UPDATE SKIP LOCKED; if it dies mid-send, the lease runs out and another takes it.
create table delivery (
    id              uuid primary key,
    notification_id uuid         not null references notification (id),
    channel         varchar(20)  not null,
    address         varchar(4096) not null,
    language        varchar(2)   not null,
    state           varchar(20)  not null,
    attempts        integer      not null,
    next_attempt_at timestamptz  not null,
    lease_until     timestamptz,
    last_error      varchar(1000),
    sent_at         timestamptz,
    created_at      timestamptz  not null,
    unique (notification_id, channel)
);

create index delivery_due on delivery (next_attempt_at) where state = 'QUEUED';
