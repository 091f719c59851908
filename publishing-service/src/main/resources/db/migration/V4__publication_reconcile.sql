-- An UNKNOWN publication the dispatcher reconciles by itself: the send was interrupted mid-call on a platform
-- without idempotency keys, and the platform can be asked whether the post went out. Without the flag an
-- UNKNOWN publication waits for a person.
alter table publication add column reconcile boolean not null default false;

create index publication_reconcile on publication (due_at) where state = 'UNKNOWN' and reconcile;
