-- What an administrator decided for each crisis severity: who to page next, after how long, how many rounds.
create table escalation_policy (
    severity   varchar(20)  primary key,
    steps      text         not null,
    rounds     integer      not null,
    updated_by varchar(200) not null,
    updated_at timestamptz  not null
);

-- One running escalation per crisis role; a replica claims a due one by setting lease_until under
-- FOR UPDATE SKIP LOCKED, and if it dies mid-step the lease runs out and another replica fires it.
create table escalation (
    id         uuid primary key,
    crisis_id  uuid         not null references crisis_alert (crisis_id),
    role       varchar(200) not null,
    severity   varchar(20)  not null,
    holders    text         not null,
    next_step  integer      not null,
    round      integer      not null,
    state      varchar(20)  not null,
    due_at     timestamptz  not null,
    lease_until timestamptz,
    created_at timestamptz  not null,
    unique (crisis_id, role)
);

create index escalation_due on escalation (due_at) where state = 'RUNNING';
