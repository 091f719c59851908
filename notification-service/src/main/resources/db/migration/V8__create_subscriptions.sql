-- What a person asked to hear about besides crises: new or escalated signals (analysts), failed or held
-- publications (communicators).
create table subscription (
    id         uuid primary key,
    subject    varchar(200) not null,
    topic      varchar(20)  not null,
    created_at timestamptz  not null,
    unique (subject, topic)
);

-- What they were told, in their in-app list; severity is the signal's when the alert was made.
create table subscription_alert (
    id         uuid primary key,
    subject    varchar(200)  not null,
    topic      varchar(20)   not null,
    kind       varchar(30)   not null,
    source_id  uuid          not null,
    severity   varchar(20),
    title      varchar(300)  not null,
    detail     varchar(1000),
    created_at timestamptz   not null
);

create index subscription_alert_subject on subscription_alert (subject, created_at desc);
create index subscription_alert_source on subscription_alert (source_id);
