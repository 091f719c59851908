-- When the crisis was (last) activated: checklist tasks fall due relative to it.
alter table crisis add column activated_at timestamptz;
