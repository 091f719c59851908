-- A post's source and external id are identifiers, equal only when their bytes are: under the database's
-- linguistic collation every comparison in their unique index (one descent per stored mention, and more to check
-- for a duplicate) went through strcoll. Indexes are rebuilt; the table is not rewritten.
alter table mention
    alter column source type varchar(64) collate "C",
    alter column external_id type varchar(256) collate "C";
