-- The crises people must hear about, as last announced by playbook-service.
create table crisis_alert (
    crisis_id  uuid primary key,
    title      varchar(300) not null,
    status     varchar(20)  not null,
    severity   varchar(20)  not null,
    drill      boolean      not null,
    changed_at timestamptz  not null
);

-- One notification per person per crisis state they must know about; delivery channels come on top.
create table notification (
    id                 uuid primary key,
    crisis_id          uuid         not null references crisis_alert (crisis_id),
    crisis_status      varchar(20)  not null,
    recipient_subject  varchar(200) not null,
    recipient_username varchar(200),
    recipient_email    varchar(320),
    role               varchar(200) not null,
    backup             boolean      not null,
    channel            varchar(20)  not null,
    state              varchar(20)  not null,
    created_at         timestamptz  not null,
    unique (crisis_id, crisis_status, recipient_subject, role)
);

create index notification_recipient on notification (recipient_subject, created_at desc);
