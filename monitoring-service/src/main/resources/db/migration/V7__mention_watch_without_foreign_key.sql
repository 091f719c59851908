-- Each inbox row checked its foreign key on mention (a trigger and a row lock per row) and fed an index that only
-- that key's cascade used: at tens of thousands of mentions a second, a large part of the database's work. The
-- retention purge now deletes a mention's inbox rows itself, found through the primary key from the mention's
-- own list of watches.
alter table mention_watch drop constraint mention_watch_mention_id_fkey;
drop index mention_watch_mention;
