-- A change to an allocation after its decision: the end date or size the municipality granted
-- on a provider's request for a change (317, Verzoek om wijziging). Owned by the cases module.
-- The allocation row holds the terms in force; this table what they were before, who changed
-- them, when and why, so the case shows its history and the 301 that told it can be explained.

create table allocation_change (
  municipality_code text not null,
  id uuid not null default gen_random_uuid(),
  allocation_id uuid not null,
  changed_at timestamptz not null,
  changed_by text not null,
  reason text not null,
  previous_end_date date,
  previous_volume integer not null,
  previous_frequency text not null,
  end_date date,
  volume integer not null check (volume > 0),
  frequency text not null check (frequency in ('1', '2', '4', '6')),
  -- Another size per day, week or month cannot change in place (iWmo/iJw IV093): the allocation
  -- ends the day before the new size applies and this allocation continues it.
  successor_allocation_id uuid,
  primary key (municipality_code, id),
  foreign key (municipality_code, allocation_id) references allocation (municipality_code, id),
  foreign key (municipality_code, successor_allocation_id) references allocation (municipality_code, id)
);
create index allocation_change_allocation on allocation_change (municipality_code, allocation_id);

grant select, insert on allocation_change to regiekamer_app;
alter table allocation_change enable row level security;
create policy tenant_isolation on allocation_change to regiekamer_app
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));
