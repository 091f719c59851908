-- The crises as publishing-service needs to know them: while one is live, scheduled non-crisis posts are
-- held, and a drill's publications never reach a real platform.
create table crisis_context (
    crisis_id  uuid primary key,
    title      varchar(300) not null,
    status     varchar(20)  not null,
    severity   varchar(20)  not null,
    drill      boolean      not null,
    changed_at timestamptz  not null,
    updated_at timestamptz  not null
);

create index crisis_context_status on crisis_context (status);
