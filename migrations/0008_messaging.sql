-- Message exchange with care providers (iWmo 3.2 / iJw 3.2): every message received or sent,
-- the documents refused before they could be read, the starts and stops of care and the
-- claims the messages carry. Owned by the messaging module; allocation stays the cases
-- module's, which gains the number the standard identifies it by.

-- ToewijzingNummer: unique within a municipality and legal domain (TR332). One sequence for the
-- whole database makes it unique across domains too, and LDT_Nummer allows up to 999,999,999.
create sequence allocation_number_seq maxvalue 999999999;
alter table allocation add column allocation_number bigint;
update allocation a
set allocation_number = numbered.n
from (
  select municipality_code, id, nextval('allocation_number_seq') as n
  from (select municipality_code, id from allocation order by created_at, id) ordered
) numbered
where a.municipality_code = numbered.municipality_code and a.id = numbered.id;
alter table allocation alter column allocation_number set default nextval('allocation_number_seq');
alter table allocation alter column allocation_number set not null;
alter table allocation add constraint allocation_number_unique unique (municipality_code, allocation_number);
grant usage on sequence allocation_number_seq to regiekamer_app;

create table message (
  municipality_code text not null,
  id uuid not null default gen_random_uuid(),
  direction text not null check (direction in ('inbound', 'outbound')),
  standard text not null check (standard in ('iwmo', 'ijw')),
  message_type text not null check (message_type ~ '^3[0-2][0-9]$'),
  provider_id uuid not null,
  sender text not null,
  receiver text not null,
  identification text not null,
  dated_on date not null,
  -- inbound: accepted, partly_rejected (some lines refused) or rejected (not applied at all);
  -- outbound: ready (waiting for the provider) or fetched.
  status text not null check (status in ('accepted', 'partly_rejected', 'rejected', 'ready', 'fetched')),
  -- The return message or answer refers to the message it answers.
  answers_message_id uuid,
  -- An inbound message must be answered by this day (working days after receipt); null when
  -- no answer is due, for example for a return message.
  answer_due_on date,
  answered_at timestamptz,
  return_codes text[] not null default '{}',
  document text not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  received_at timestamptz not null default now(),
  fetched_at timestamptz,
  primary key (municipality_code, id),
  foreign key (municipality_code, provider_id) references provider (municipality_code, id),
  foreign key (municipality_code, answers_message_id) references message (municipality_code, id)
);
-- TR056: the identification is unique per message type for the sending party. An inbound
-- message seen again is recognised here and answered with what was answered the first time.
create unique index message_identification on message (municipality_code, direction, sender, standard, message_type, identification);
create index message_provider on message (municipality_code, provider_id, received_at desc);
create index message_answers on message (municipality_code, answers_message_id) where answers_message_id is not null;
create index message_due on message (municipality_code, answer_due_on) where answered_at is null and answer_due_on is not null;

-- Documents refused before they could be processed: unreadable, hostile, invalid against the
-- schema or from a sender that is not the uploading provider. Kept with the reason, never
-- applied.
create table message_quarantine (
  municipality_code text not null,
  id uuid not null default gen_random_uuid(),
  provider_id uuid,
  account_id uuid,
  channel text not null check (channel in ('api', 'portal', 'import')),
  file_name text check (length(file_name) <= 255),
  size_bytes integer not null check (size_bytes >= 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  reason_code text not null,
  reason text not null,
  line integer,
  column_number integer,
  -- Every violation the validator reported: [{ code, message, path, line, column }].
  violations jsonb not null default '[]',
  document bytea not null,
  received_at timestamptz not null default now(),
  primary key (municipality_code, id),
  foreign key (municipality_code, provider_id) references provider (municipality_code, id)
);
create index message_quarantine_received on message_quarantine (municipality_code, received_at desc);

-- Starts (305) and stops (307) of care per allocation line. A withdrawal (StatusAanlevering 3)
-- marks the line it withdraws instead of deleting it, so the history stays readable.
create table care_report (
  municipality_code text not null,
  id uuid not null default gen_random_uuid(),
  message_id uuid not null,
  provider_id uuid not null,
  allocation_id uuid not null,
  kind text not null check (kind in ('start', 'stop')),
  start_date date not null,
  end_date date,
  reason text,
  withdrawn_by uuid,
  created_at timestamptz not null default now(),
  primary key (municipality_code, id),
  foreign key (municipality_code, message_id) references message (municipality_code, id),
  foreign key (municipality_code, provider_id) references provider (municipality_code, id),
  foreign key (municipality_code, allocation_id) references allocation (municipality_code, id),
  foreign key (municipality_code, withdrawn_by) references message (municipality_code, id),
  check (kind = 'start' or end_date is not null),
  check (end_date is null or end_date >= start_date)
);
create index care_report_allocation on care_report (municipality_code, allocation_id) where withdrawn_by is null;

create table claim (
  municipality_code text not null,
  id uuid not null default gen_random_uuid(),
  message_id uuid not null,
  provider_id uuid not null,
  standard text not null check (standard in ('iwmo', 'ijw')),
  claim_number text not null,
  period_start date not null,
  period_end date not null,
  -- Signed cents: a credit total is negative.
  submitted_cents bigint not null,
  awarded_cents bigint not null,
  status text not null check (status in ('awarded', 'partly_awarded', 'rejected')),
  answer_message_id uuid,
  primary key (municipality_code, id),
  -- TR333: a claim number is unique for the provider within the legal domain.
  unique (municipality_code, provider_id, standard, claim_number),
  foreign key (municipality_code, message_id) references message (municipality_code, id),
  foreign key (municipality_code, answer_message_id) references message (municipality_code, id),
  foreign key (municipality_code, provider_id) references provider (municipality_code, id),
  check (period_end >= period_start)
);

-- The services (prestaties) of a claim, rejected ones included so the provider monitor
-- can say why claims were refused.
create table claimed_service (
  municipality_code text not null,
  id uuid not null default gen_random_uuid(),
  claim_id uuid not null,
  provider_id uuid not null,
  standard text not null check (standard in ('iwmo', 'ijw')),
  allocation_id uuid,
  allocation_number bigint not null,
  reference_number text not null,
  previous_reference_number text,
  product_category text not null,
  product_code text not null,
  period_start date not null,
  period_end date not null,
  delivered_volume bigint not null check (delivered_volume >= 0),
  unit text not null,
  tariff_cents bigint,
  -- Signed cents: a credit is negative.
  submitted_cents bigint not null,
  approved boolean not null,
  return_codes text[] not null default '{}',
  primary key (municipality_code, id),
  foreign key (municipality_code, claim_id) references claim (municipality_code, id),
  foreign key (municipality_code, allocation_id) references allocation (municipality_code, id),
  foreign key (municipality_code, provider_id) references provider (municipality_code, id),
  check (period_end >= period_start)
);
-- TR314: a reference number is unique for the provider within the legal domain. Refused
-- services are stored too, among them the repeats TR314 itself refuses, so the database holds
-- the uniqueness for approved services; the rule refuses every repeat.
create unique index claimed_service_reference on claimed_service (municipality_code, provider_id, standard, reference_number) where approved;
create index claimed_service_allocation on claimed_service (municipality_code, allocation_id);
create index claimed_service_claim on claimed_service (municipality_code, claim_id);

grant select, insert, update on message, care_report, claim, claimed_service to regiekamer_app;
grant select, insert on message_quarantine to regiekamer_app;

do $$
declare
  t text;
begin
  foreach t in array array['message', 'message_quarantine', 'care_report', 'claim', 'claimed_service']
  loop
    execute format('alter table %I enable row level security', t);
    execute format($p$create policy tenant_isolation on %I to regiekamer_app
      using (municipality_code = current_setting('app.municipality', true))
      with check (municipality_code = current_setting('app.municipality', true))$p$, t);
  end loop;
end
$$;
