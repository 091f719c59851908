-- A reply to a critic: the post it answers, in that post's thread (null for statements and promotional posts).
-- reply_platform is the mention source (mastodon, bluesky, x ...); reply_post_id the platform's id of the post
-- (Mastodon status id, Bluesky at-uri, tweet id, Facebook post id).
alter table publication add column reply_platform varchar(50);
alter table publication add column reply_post_id  text;
alter table publication add column reply_post_url text;
alter table publication add column reply_author   text;
