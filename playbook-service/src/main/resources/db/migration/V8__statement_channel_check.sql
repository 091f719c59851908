-- The check of a statement's text against its target channels' rules (publishing-service), run as it is written.
alter table statement add column channel_check_status varchar(20);
alter table statement add column channel_verdicts     text;
alter table statement add column channel_checked_at   timestamptz;
alter table statement add column channel_check_reason varchar(2000);
