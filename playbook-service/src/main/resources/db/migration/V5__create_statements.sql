-- A statement: drafted from a playbook template, tone-checked, approved by someone else, scheduled.
create table statement (
    id                  uuid primary key,
    crisis_id           uuid          not null references crisis (id),
    phase               varchar(20)   not null,
    channel             varchar(200)  not null,
    language            varchar(3)    not null,
    text                varchar(20000) not null,
    status              varchar(20)   not null,
    author              varchar(200)  not null,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    tone_verdict        varchar(40),
    tone_findings       text,
    tone_checked_at     timestamptz,
    tone_blocked_reason varchar(500),
    approved_by         varchar(200),
    approved_at         timestamptz,
    scheduled_at        timestamptz,
    schedule_zone       varchar(64),
    channel_ids         text,
    cancelled_by        varchar(200),
    cancelled_at        timestamptz,
    version             bigint        not null default 0
);

create index statement_crisis on statement (crisis_id, created_at);

-- Closing a crisis needs an apology, or this recorded decision not to apologise.
alter table crisis add column no_apology_reason varchar(2000);
alter table crisis add column no_apology_by varchar(200);
alter table crisis add column no_apology_at timestamptz;
