-- Per-watch time buckets, filled by every scored mention that matches the watch, by the time it was received
-- (a mention arriving after its bucket closed goes to the open one, so a closed bucket never changes). Only
-- buckets with mentions have a row; the detector reads the missing ones as zero.
create table watch_bucket (
    watch_id        uuid             not null,
    bucket_start    timestamptz      not null,
    volume          bigint           not null,
    negative        bigint           not null,
    sentiment_sum   double precision not null,
    primary key (watch_id, bucket_start)
);

-- Where detection stands for each watch: buckets before closed_until are closed and were fed to the detector
-- (replayed from detection_start after a restart); the open signal, quiet buckets and cooldown of its lifecycle.
create table watch_detection (
    watch_id        uuid primary key,
    detection_start timestamptz not null,
    closed_until    timestamptz not null,
    signal_id       uuid,
    quiet_buckets   int         not null default 0,
    severity        varchar(20), -- of the open signal, null when none
    cooldown_until  timestamptz
);

alter table signal add column driving_mention_ids varchar(2000) not null default '';
alter table signal add column peak_ratio double precision not null default 0;
alter table signal add column acknowledged_by varchar(200);
alter table signal add column acknowledged_at timestamptz;
alter table signal add column dismissed_by varchar(200);
alter table signal add column dismissed_at timestamptz;
alter table signal add column closed_at timestamptz;

create index mention_received_at on mention (received_at);
