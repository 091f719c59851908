-- What to listen for: a query matched against every mention, in some languages, from some sources.
create table watch (
    id          uuid primary key,
    name        varchar(200)  not null,
    query       varchar(2000) not null,
    languages   varchar(200)  not null, -- comma-separated ISO 639-1 codes; empty: every language
    sources     varchar(1000) not null, -- comma-separated source names; empty: every source
    created_by  varchar(200)  not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null
);

create index watch_name on watch (lower(name));
