-- A provider's requests: for an allocation (315, one row per requested product, each answered
-- on its own) and for a change (317, one row for the whole wished situation). Owned by the
-- messaging module. The municipality answers within five working days (the iWmo/iJw process
-- description): a refusal or "in assessment" as a 319, a grant as a 301.

create table allocation_request (
  municipality_code text not null,
  id uuid not null default gen_random_uuid(),
  message_id uuid not null,
  provider_id uuid not null,
  standard text not null check (standard in ('iwmo', 'ijw')),
  request_type text not null check (request_type in ('315', '317')),
  -- ReferentieAanbieder: unique per provider within the law (TR347).
  reference text not null,
  bsn text not null check (bsn ~ '^[0-9]{9}$'),
  -- What was asked, for the screen: products, dates and sizes as the message had them.
  requested jsonb not null,
  received_on date not null,
  answer_due_on date not null,
  -- open: no answer yet; in_assessment: answered with 319 "aanvraag in onderzoek", still
  -- pending for TR374; refused: answered with a 319 refusal; granted: answered with the 301
  -- of a decision that allocated the requested product (ReferentieAanbieder, TR379).
  status text not null check (status in ('open', 'in_assessment', 'refused', 'granted')),
  refusal_reason text check (refusal_reason ~ '^[1-9]$'),
  answer_message_id uuid,
  answered_at timestamptz,
  answered_by text,
  primary key (municipality_code, id),
  unique (municipality_code, provider_id, standard, reference),
  foreign key (municipality_code, message_id) references message (municipality_code, id),
  foreign key (municipality_code, provider_id) references provider (municipality_code, id),
  foreign key (municipality_code, answer_message_id) references message (municipality_code, id),
  check ((status = 'refused') = (refusal_reason is not null)),
  check ((status = 'open') = (answered_at is null))
);
create index allocation_request_due on allocation_request (municipality_code, answer_due_on) where status = 'open';
create index allocation_request_client on allocation_request (municipality_code, provider_id, standard, bsn);

grant select, insert, update on allocation_request to regiekamer_app;
alter table allocation_request enable row level security;
create policy tenant_isolation on allocation_request to regiekamer_app
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));
