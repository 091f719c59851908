-- How each person wants to be reached; one row per OIDC subject, written by that person only.
create table contact_point (
    subject     varchar(200) primary key,
    email       varchar(320),
    phone       varchar(16),
    language    varchar(2)   not null,
    quiet_from  time,
    quiet_until time,
    time_zone   varchar(60),
    updated_at  timestamptz  not null
);

-- Push devices registered by the mobile app; a token belongs to one device of one person.
create table push_device (
    id            uuid primary key,
    owner_subject varchar(200) not null,
    platform      varchar(10)  not null,
    token         varchar(4096) not null,
    app_version   varchar(40),
    locale        varchar(35),
    registered_at timestamptz  not null,
    unique (owner_subject, token)
);

create index push_device_owner on push_device (owner_subject, registered_at);
