-- The inbox: a watch's mentions, most urgent first (MentionPriority), read a page at a time even when a crisis
-- brings hundreds of thousands of them. mention_watch holds one row per mention and watch it matched, with the
-- priority rank (its intrinsic weight plus its publication time in points, so that the order never depends on
-- when it is read) and the publication time, in an index that serves the order and the time filters.
alter table mention add column question boolean not null default false;

create table mention_watch (
    watch_id      uuid             not null,
    mention_id    uuid             not null references mention (id) on delete cascade,
    published_at  timestamptz      not null,
    priority_rank double precision not null,
    primary key (watch_id, mention_id)
);

create index mention_watch_priority on mention_watch (watch_id, priority_rank desc, published_at desc, mention_id);
create index mention_watch_mention on mention_watch (mention_id);

-- Mentions stored before: a question mark is the only question cue SQL can see here (the service detects more
-- on new mentions); the rank is MentionPriority's formula.
update mention set question = position('?' in text) > 0;

insert into mention_watch (watch_id, mention_id, published_at, priority_rank)
select cast(watch_id as uuid), m.id, m.published_at,
       log(1 + greatest(coalesce(m.reach, 0), 0) + greatest(coalesce(m.engagement, 0), 0))
           + case when m.sentiment_label = 'negative' then 1.0 else 0 end
           + greatest(0, -m.sentiment_score)
           + case when m.question then 1.5 else 0 end
           + extract(epoch from m.published_at) / 21600.0
from mention m, unnest(string_to_array(m.watch_ids, ',')) as watch_id
where m.watch_ids <> '';
