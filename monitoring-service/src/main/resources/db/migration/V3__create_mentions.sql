-- Posts about the brand, scored, with the watches they matched. One per source and external id.
create table mention (
    id              uuid primary key,
    source          varchar(64)      not null,
    external_id     varchar(256)     not null,
    author          varchar(256),
    text            varchar(10000)   not null,
    language        varchar(3)       not null,
    url             varchar(2048),
    published_at    timestamptz      not null,
    reach           bigint,
    engagement      bigint,
    sentiment_label varchar(10)      not null,
    sentiment_score double precision not null,
    watch_ids       varchar(4000)    not null, -- comma-separated watch ids; empty: matched none
    received_at     timestamptz      not null,
    constraint mention_source_external_id unique (source, external_id)
);

create index mention_published_at on mention (published_at);
