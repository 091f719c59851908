-- Team chat channels (a Slack incoming webhook, a Teams workflow webhook) that an administrator points crisis
-- alerts at; the URL is the secret, so it is never shown back in full.
create table chat_webhook (
    id         uuid primary key,
    team       varchar(100)  not null,
    kind       varchar(10)   not null,
    url        varchar(2000) not null,
    created_by varchar(200)  not null,
    created_at timestamptz   not null,
    unique (team, kind)
);

-- One post per webhook and crisis state, claimed like a delivery (lease under FOR UPDATE SKIP LOCKED).
create table chat_post (
    id              uuid primary key,
    webhook_id      uuid          not null references chat_webhook (id) on delete cascade,
    crisis_id       uuid          not null references crisis_alert (crisis_id),
    crisis_status   varchar(20)   not null,
    state           varchar(20)   not null,
    attempts        integer       not null,
    next_attempt_at timestamptz   not null,
    lease_until     timestamptz,
    last_error      varchar(1000),
    sent_at         timestamptz,
    created_at      timestamptz   not null,
    unique (webhook_id, crisis_id, crisis_status)
);

create index chat_post_due on chat_post (next_attempt_at) where state = 'QUEUED';
