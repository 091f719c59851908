-- A reply to a critic: drafted from a mention (monitoring-service), tone- and channel-checked, let out by the
-- playbook's policy or approved by someone else, published in the critic's thread (publishing-service).
create table reply (
    id                      uuid primary key,
    crisis_id               uuid           not null references crisis (id),
    mention_id              uuid           not null,
    mention_source          varchar(64)    not null,
    mention_external_id     varchar(500)   not null,
    mention_url             varchar(2000),
    mention_author          varchar(500),
    mention_published_at    timestamptz,
    complaint               varchar(20)    not null,
    template_key            varchar(100),
    template_text           varchar(2000),
    language                varchar(3)     not null,
    text                    varchar(5000)  not null,
    channel_id              uuid           not null,
    status                  varchar(20)    not null,
    author                  varchar(200)   not null,
    created_at              timestamptz    not null,
    updated_at              timestamptz    not null,
    tone_verdict            varchar(40),
    tone_findings           text,
    tone_checked_at         timestamptz,
    tone_blocked_reason     varchar(500),
    channel_check_status    varchar(20),
    channel_verdicts        text,
    channel_checked_at      timestamptz,
    channel_check_reason    varchar(2000),
    sent_by                 varchar(200),
    sent_at                 timestamptz,
    approval                varchar(20),
    approved_by             varchar(200),
    approved_at             timestamptz,
    rejected_by             varchar(200),
    rejected_at             timestamptz,
    rejection_reason        varchar(2000),
    published_at            timestamptz,
    publication_url         varchar(2000),
    publication_external_id varchar(500),
    publication_error       varchar(2000),
    failed_at               timestamptz,
    version                 bigint         not null default 0
);

create index reply_crisis on reply (crisis_id, created_at);

-- One live reply per mention, whoever drafts it and however many at once: only a rejected reply frees the mention.
create unique index reply_one_live_per_mention on reply (mention_id) where status <> 'REJECTED';
