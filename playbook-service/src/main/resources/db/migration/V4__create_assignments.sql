-- People holding a playbook role on one crisis (OIDC users, by subject).
create table role_assignment (
    id          uuid primary key,
    crisis_id   uuid         not null references crisis (id),
    role        varchar(200) not null,
    subject     varchar(200) not null,
    username    varchar(200),
    email       varchar(320),
    backup      boolean      not null,
    assigned_by varchar(200) not null,
    assigned_at timestamptz  not null,
    unique (crisis_id, role, subject)
);

create index role_assignment_subject on role_assignment (subject);

-- Each assignment's checklist, copied from the playbook role; due relative to the crisis' activation.
create table assignment_task (
    id                 uuid primary key,
    assignment_id      uuid         not null references role_assignment (id) on delete cascade,
    crisis_id          uuid         not null references crisis (id),
    position           integer      not null,
    title              varchar(200) not null,
    due_offset_minutes integer      not null,
    status             varchar(20)  not null,
    done_by            varchar(200),
    done_at            timestamptz
);

create index assignment_task_assignment on assignment_task (assignment_id, position);
create index assignment_task_crisis on assignment_task (crisis_id);

-- Who holds a playbook role in peacetime (primary or backup); applied to a crisis when it is activated.
create table standing_holder (
    id          uuid primary key,
    playbook_id uuid         not null references playbook (id),
    role        varchar(200) not null,
    subject     varchar(200) not null,
    username    varchar(200),
    email       varchar(320),
    backup      boolean      not null,
    unique (playbook_id, role, subject)
);
