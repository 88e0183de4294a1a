-- The allocation messages (301) the municipality sends: which version of which allocation each
-- 301 told its provider. Owned by the messaging module. The composer compares an allocation's
-- current terms with the last version told, so a new or changed allocation goes out once and
-- an unchanged one is only repeated inside the full set of a later 301 for the same client.

create table allocation_message (
  municipality_code text not null,
  allocation_id uuid not null,
  message_id uuid not null,
  -- Toewijzingsdatum and Toewijzingstijd of this version.
  allocated_on date not null,
  allocated_at time not null,
  -- The terms as told; a difference with the allocation's current terms makes it due again.
  told_end_date date,
  told_volume integer not null,
  told_unit text not null,
  told_frequency text not null,
  -- Whether this message carried the version because it was new or changed (not a repeat).
  is_new_version boolean not null,
  primary key (municipality_code, allocation_id, message_id),
  foreign key (municipality_code, allocation_id) references allocation (municipality_code, id),
  foreign key (municipality_code, message_id) references message (municipality_code, id)
);
create index allocation_message_message on allocation_message (municipality_code, message_id);

grant select, insert on allocation_message to regiekamer_app;
alter table allocation_message enable row level security;
create policy tenant_isolation on allocation_message to regiekamer_app
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));
