-- Platform accounts publications go out to. Credentials are AES-GCM encrypted by the service (the key never
-- reaches the database); status BROKEN only when the platform refused them.
create table channel (
    id                    uuid primary key,
    name                  varchar(200)  not null,
    platform              varchar(30)   not null,
    base_url              varchar(2000),
    account               varchar(300),
    max_length            integer,
    credentials_encrypted text,
    status                varchar(20)   not null,
    last_error            varchar(2000),
    verified_at           timestamptz,
    created_by            varchar(200)  not null,
    created_at            timestamptz   not null,
    updated_by            varchar(200)  not null,
    updated_at            timestamptz   not null
);
