-- The performance agreements (KPIs) of a contract: per indicator a target the provider monitor
-- measures the provider against. Owned by the registry module, with its contracts. The
-- indicators are the provider monitor's own measures, so every agreement can be checked.

create table contract_kpi (
  municipality_code text not null,
  contract_id uuid not null,
  indicator text not null check (indicator in ('median_days_to_start', 'never_started_share',
    'delivery_rate', 'rejected_services_share', 'late_reports_share')),
  -- Days for median_days_to_start (at most), a percentage for the others (at most, except
  -- delivery_rate: at least).
  target double precision not null check (target >= 0 and target <= 365),
  primary key (municipality_code, contract_id, indicator),
  foreign key (municipality_code, contract_id) references contract (municipality_code, id) on delete cascade
);

grant select, insert, delete on contract_kpi to regiekamer_app;
alter table contract_kpi enable row level security;
create policy tenant_isolation on contract_kpi to regiekamer_app
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));
