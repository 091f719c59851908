-- What publishing-service reported back (publishing.publications.v1): where the statement went out, or why not.
alter table statement add column published_at timestamptz;
alter table statement add column publication_url varchar(2000);
alter table statement add column publication_error varchar(2000);
