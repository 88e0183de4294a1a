-- Teams (neighbourhood teams / sociaal wijkteams) and the cases they handle.

create table team (
  municipality_code text not null references municipality (code),
  id uuid not null default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  district_code text,
  primary key (municipality_code, id),
  unique (municipality_code, name),
  foreign key (municipality_code, district_code) references district (municipality_code, code)
);

create table team_member (
  municipality_code text not null,
  team_id uuid not null,
  account_id uuid not null,
  primary key (municipality_code, team_id, account_id),
  foreign key (municipality_code, team_id) references team (municipality_code, id) on delete cascade,
  foreign key (municipality_code, account_id) references account (municipality_code, id) on delete cascade
);

-- One case (casus) of one resident under one law. The state machine's state, history
-- included, is kept as one document; the columns beside it serve the worklist queries.
create table support_case (
  municipality_code text not null references municipality (code),
  id uuid not null default gen_random_uuid(),
  reference text not null check (reference ~ '^[0-9]{4}-[0-9]{6}$'),
  resident_id uuid not null,
  team_id uuid not null,
  law text not null check (law in ('wmo', 'youth', 'participation')),
  status text not null check (status in ('reported', 'requested', 'assessment', 'applied', 'decided', 'withdrawn')),
  request_text text not null check (length(request_text) between 1 and 4000),
  state jsonb not null,
  next_due_date date,
  next_due_kind text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_code, id),
  unique (municipality_code, reference),
  foreign key (municipality_code, resident_id) references resident (municipality_code, id),
  foreign key (municipality_code, team_id) references team (municipality_code, id)
);
create index support_case_worklist on support_case (municipality_code, team_id, next_due_date)
  where status not in ('decided', 'withdrawn');
create index support_case_resident on support_case (municipality_code, resident_id);

grant select, insert, update, delete on team, team_member to regiekamer_app;
grant select, insert, update on support_case to regiekamer_app;

do $$
declare
  t text;
begin
  foreach t in array array['team', 'team_member', 'support_case']
  loop
    execute format('alter table %I enable row level security', t);
    execute format($p$create policy tenant_isolation on %I to regiekamer_app
      using (municipality_code = current_setting('app.municipality', true))
      with check (municipality_code = current_setting('app.municipality', true))$p$, t);
  end loop;
end
$$;
