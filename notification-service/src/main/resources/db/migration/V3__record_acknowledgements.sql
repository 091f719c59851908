-- Who acknowledged is the recipient; when, and through which channel (app, API or a signed link).
alter table notification add column acknowledged_at  timestamptz;
alter table notification add column acknowledged_via varchar(20);
