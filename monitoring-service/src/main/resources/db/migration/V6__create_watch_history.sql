-- Past mentions imported for a new watch (POST /api/watches/{id}/history) so that its detector starts warm. Only
-- their source and external id are kept, so that importing the same export twice counts each post once; their
-- counts go to the watch's buckets before its first live bucket.
create table watch_history_mention (
    watch_id    uuid         not null,
    source      varchar(64)  not null,
    external_id varchar(256) not null,
    primary key (watch_id, source, external_id)
);
