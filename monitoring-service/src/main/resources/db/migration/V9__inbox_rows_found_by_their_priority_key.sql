-- The inbox's (watch, mention) primary key served only the retention purge, and cost every inbox row a B-tree
-- insertion: measured, an eighth of PostgreSQL's time per mention. A mention now carries its priority rank (the same
-- value as its inbox rows, written from the same number), so that the purge finds them through the priority index
-- itself: watch, rank, publication time and mention id. A mention matches no watch: no inbox rows, and a null rank.
alter table mention add column priority_rank double precision;

update mention m set priority_rank = w.priority_rank
from mention_watch w
where w.mention_id = m.id;

alter table mention_watch drop constraint mention_watch_pkey;
