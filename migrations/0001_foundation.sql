-- Foundation: tenants, accounts, sessions, processing log, geography and registry.
-- Every tenant-owned table has municipality_code first in its primary key and foreign keys,
-- and a row-level-security policy for the application role (see docs/decisions/0002).

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'regiekamer_app') then
    create role regiekamer_app nologin;
  end if;
exception when duplicate_object or unique_violation then
  -- another database in the same cluster created it at the same moment (parallel tests)
  null;
end
$$;

do $$
begin
  execute format('grant regiekamer_app to %I', current_user);
exception when others then
  -- a superuser needs no membership; a server that refuses says so at the first request
  null;
end
$$;

create table municipality (
  code text primary key check (code ~ '^[0-9]{4}$'),
  name text not null check (length(name) between 1 and 200),
  population integer check (population >= 0),
  is_demo boolean not null default false,
  created_at timestamptz not null default now()
);

create table region (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (length(name) between 1 and 200)
);

create table region_member (
  region_id uuid not null references region (id) on delete cascade,
  municipality_code text not null references municipality (code),
  primary key (region_id, municipality_code)
);

-- geography ------------------------------------------------------------------------------

create table district (
  municipality_code text not null references municipality (code),
  code text not null check (code ~ '^WK[0-9]{6}$'),
  name text not null check (length(name) between 1 and 200),
  geometry jsonb,
  primary key (municipality_code, code),
  check (substr(code, 3, 4) = municipality_code)
);

create table neighbourhood (
  municipality_code text not null,
  code text not null check (code ~ '^BU[0-9]{8}$'),
  district_code text not null,
  name text not null check (length(name) between 1 and 200),
  population integer not null default 0 check (population >= 0),
  geometry jsonb,
  primary key (municipality_code, code),
  foreign key (municipality_code, district_code) references district (municipality_code, code),
  check (substr(code, 3, 6) = substr(district_code, 3, 6))
);

-- registry -------------------------------------------------------------------------------

create table provider (
  municipality_code text not null references municipality (code),
  id uuid not null default gen_random_uuid(),
  agb_code text not null check (agb_code ~ '^[0-9]{8}$'),
  name text not null check (length(name) between 1 and 200),
  kvk_number text check (kvk_number ~ '^[0-9]{8}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_code, id),
  unique (municipality_code, agb_code)
);

create table provision (
  municipality_code text not null references municipality (code),
  id uuid not null default gen_random_uuid(),
  code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$'),
  name text not null check (length(name) between 1 and 200),
  law text not null check (law in ('wmo', 'youth', 'participation')),
  kind text not null check (kind in ('general', 'tailored')),
  product_category text check (product_category ~ '^[0-9]{2}$'),
  product_code text check (product_code ~ '^[0-9A-Z]{5}$'),
  unit text check (unit ~ '^[0-9]{2}$'),
  intent text not null check (length(intent) between 1 and 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_code, id),
  unique (municipality_code, code)
);

create table contract (
  municipality_code text not null references municipality (code),
  id uuid not null default gen_random_uuid(),
  provider_id uuid not null,
  reference text not null check (length(reference) between 1 and 50),
  financing_variant text not null check (financing_variant in ('effort', 'output', 'task')),
  start_date date not null,
  end_date date not null,
  budget_ceiling_cents bigint check (budget_ceiling_cents >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_code, id),
  unique (municipality_code, reference),
  foreign key (municipality_code, provider_id) references provider (municipality_code, id),
  check (end_date >= start_date)
);

create table contract_line (
  municipality_code text not null,
  contract_id uuid not null,
  provision_id uuid not null,
  tariff_cents bigint not null check (tariff_cents >= 0),
  primary key (municipality_code, contract_id, provision_id),
  foreign key (municipality_code, contract_id) references contract (municipality_code, id) on delete cascade,
  foreign key (municipality_code, provision_id) references provision (municipality_code, id)
);

create table resident (
  municipality_code text not null references municipality (code),
  id uuid not null default gen_random_uuid(),
  neighbourhood_code text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_code, id),
  foreign key (municipality_code, neighbourhood_code) references neighbourhood (municipality_code, code)
);

-- The only table with a resident's identity; everything else refers to resident.id.
create table resident_identity (
  municipality_code text not null,
  resident_id uuid not null,
  bsn text not null check (bsn ~ '^[0-9]{9}$'),
  name text not null check (length(name) between 1 and 200),
  date_of_birth date not null,
  primary key (municipality_code, resident_id),
  unique (municipality_code, bsn),
  foreign key (municipality_code, resident_id) references resident (municipality_code, id) on delete cascade
);
create index resident_identity_name on resident_identity (municipality_code, lower(name));

-- accounts -------------------------------------------------------------------------------

create table account (
  municipality_code text not null references municipality (code),
  id uuid not null default gen_random_uuid(),
  username text not null check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
  display_name text not null check (length(display_name) between 1 and 200),
  role text not null check (role in ('administrator', 'policy_advisor', 'contract_manager', 'case_worker',
    'board_member', 'privacy_officer', 'provider_user')),
  provider_id uuid,
  password_hash text not null,
  active boolean not null default true,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  password_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  primary key (municipality_code, id),
  unique (username),
  foreign key (municipality_code, provider_id) references provider (municipality_code, id),
  check ((role = 'provider_user') = (provider_id is not null))
);

create table session (
  municipality_code text not null,
  token_hash text not null unique,
  account_id uuid not null,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  primary key (municipality_code, token_hash),
  foreign key (municipality_code, account_id) references account (municipality_code, id) on delete cascade
);

-- processing log (Logging Verwerkingen) ---------------------------------------------------

create table processing_log (
  municipality_code text not null references municipality (code),
  id bigint generated always as identity,
  occurred_at timestamptz not null default clock_timestamp(),
  actor_id uuid,
  actor_name text not null,
  actor_role text not null,
  action text not null check (action in ('read', 'create', 'update', 'delete')),
  activity text not null,
  activity_name text not null,
  purpose text not null,
  legal_basis text not null,
  confidentiality text not null check (confidentiality in ('normal', 'confidential')),
  retention_period text not null,
  resident_id uuid,
  objects jsonb not null default '[]'::jsonb,
  request_id text not null,
  trace_id text not null check (trace_id ~ '^[0-9a-f]{32}$'),
  span_id text not null check (span_id ~ '^[0-9a-f]{16}$'),
  primary key (municipality_code, id)
);
create index processing_log_resident on processing_log (municipality_code, resident_id, occurred_at);
create index processing_log_actor on processing_log (municipality_code, actor_id, occurred_at);
create index processing_log_time on processing_log (municipality_code, occurred_at);

create function processing_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'processing_log is append-only' using errcode = 'insufficient_privilege';
end
$$;
create trigger processing_log_no_update before update or delete on processing_log
  for each row execute function processing_log_is_append_only();
create trigger processing_log_no_truncate before truncate on processing_log
  for each statement execute function processing_log_is_append_only();

-- privileges and row-level security ------------------------------------------------------

grant usage on schema public to regiekamer_app;
grant select on municipality, region, region_member to regiekamer_app;
grant select, insert, update, delete on district, neighbourhood, provider, provision, contract,
  contract_line, resident, resident_identity, account to regiekamer_app;
grant select, insert on processing_log to regiekamer_app;
grant usage on all sequences in schema public to regiekamer_app;

do $$
declare
  t text;
begin
  foreach t in array array['district', 'neighbourhood', 'provider', 'provision', 'contract',
    'contract_line', 'resident', 'resident_identity', 'account', 'session', 'processing_log']
  loop
    execute format('alter table %I enable row level security', t);
    execute format($p$create policy tenant_isolation on %I to regiekamer_app
      using (municipality_code = current_setting('app.municipality', true))
      with check (municipality_code = current_setting('app.municipality', true))$p$, t);
  end loop;
end
$$;
