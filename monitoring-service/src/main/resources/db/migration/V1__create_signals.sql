-- A surge of criticism on a watch. One crisis is one signal, updated as it grows and closed when it subsides.
create table signal (
    id              uuid primary key,
    watch_id        uuid             not null,
    watch_name      varchar(200),
    status          varchar(20)      not null,
    severity        varchar(20)      not null,
    summary         varchar(2000)    not null,
    window_start    timestamptz      not null,
    window_end      timestamptz      not null,
    observed_volume bigint           not null,
    expected_volume double precision not null,
    negative_share  double precision not null,
    score           double precision not null,
    raised_by       varchar(200)     not null,
    raised_at       timestamptz      not null,
    updated_at      timestamptz      not null
);

create index signal_status_raised_at on signal (status, raised_at desc);
create index signal_watch on signal (watch_id, raised_at desc);
