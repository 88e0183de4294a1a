-- The application role may no longer read password hashes or lock-out counters: only
-- authentication (owner privileges) needs them. Administrators manage accounts through the
-- columns granted here.
revoke select, insert, update, delete on account from regiekamer_app;
grant select (municipality_code, id, username, display_name, role, provider_id, active, created_at)
  on account to regiekamer_app;
-- Inserting reveals nothing; drizzle names every column (with DEFAULT), so grant them all.
grant insert on account to regiekamer_app;
grant update (display_name, role, provider_id, active) on account to regiekamer_app;

-- Contracts are counted and listed per provider.
create index contract_provider on contract (municipality_code, provider_id);
