-- Transactional outbox: a state change and the event announcing it are committed together;
-- OutboxRelay sends the rows to Kafka in id order and deletes them once the broker acknowledged.
create table outbox_event (
    id          bigserial primary key,
    event_id    uuid         not null unique,
    topic       varchar(200) not null,
    message_key varchar(200) not null,
    payload     text         not null,
    created_at  timestamptz  not null default now()
);

-- Events already applied by a consumer: a redelivered event is recognised and skipped.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(200) not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
