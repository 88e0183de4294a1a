-- Decisions (beschikkingen) per provision, and the allocations (toewijzingen) made from granted
-- tailored provisions in kind: what a provider is to deliver to a resident, and for how long.

create table case_decision (
  municipality_code text not null,
  case_id uuid not null,
  decided_on date not null,
  outcome text not null check (outcome in ('granted', 'partly_granted', 'refused')),
  decided_by text not null,
  created_at timestamptz not null default now(),
  primary key (municipality_code, case_id),
  foreign key (municipality_code, case_id) references support_case (municipality_code, id)
);

create table decision_line (
  municipality_code text not null,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  position integer not null check (position >= 0),
  provision_id uuid not null,
  granted boolean not null,
  form text check (form in ('in_kind', 'personal_budget')),
  provider_id uuid,
  contract_id uuid,
  volume integer check (volume > 0),
  unit text,
  frequency text check (frequency in ('1', '2', '4', '6')),
  start_date date,
  end_date date,
  reasoning text not null check (length(reasoning) between 1 and 4000),
  primary key (municipality_code, id),
  unique (municipality_code, case_id, position),
  foreign key (municipality_code, case_id) references case_decision (municipality_code, case_id),
  foreign key (municipality_code, provision_id) references provision (municipality_code, id),
  foreign key (municipality_code, provider_id) references provider (municipality_code, id),
  foreign key (municipality_code, contract_id) references contract (municipality_code, id),
  check (end_date is null or start_date is null or end_date >= start_date)
);

create table allocation (
  municipality_code text not null,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  decision_line_id uuid not null,
  resident_id uuid not null,
  provision_id uuid not null,
  provider_id uuid not null,
  contract_id uuid not null,
  volume integer not null check (volume > 0),
  unit text not null,
  frequency text not null check (frequency in ('1', '2', '4', '6')),
  start_date date not null,
  end_date date,
  status text not null default 'allocated' check (status in ('allocated', 'started', 'stopped')),
  created_at timestamptz not null default now(),
  primary key (municipality_code, id),
  foreign key (municipality_code, decision_line_id) references decision_line (municipality_code, id),
  foreign key (municipality_code, resident_id) references resident (municipality_code, id),
  foreign key (municipality_code, provision_id) references provision (municipality_code, id),
  foreign key (municipality_code, provider_id) references provider (municipality_code, id),
  foreign key (municipality_code, contract_id) references contract (municipality_code, id),
  check (end_date is null or end_date >= start_date)
);
create index allocation_resident on allocation (municipality_code, resident_id, provision_id);
create index allocation_provider on allocation (municipality_code, provider_id, contract_id);

grant select, insert on case_decision, decision_line to regiekamer_app;
grant select, insert, update on allocation to regiekamer_app;

do $$
declare
  t text;
begin
  foreach t in array array['case_decision', 'decision_line', 'allocation']
  loop
    execute format('alter table %I enable row level security', t);
    execute format($p$create policy tenant_isolation on %I to regiekamer_app
      using (municipality_code = current_setting('app.municipality', true))
      with check (municipality_code = current_setting('app.municipality', true))$p$, t);
  end loop;
end
$$;
