-- Receiving a claim looks up the earlier services that share a reference number (TR314, TR323,
-- TR390), refused ones included. The unique index on reference numbers covers approved services
-- only, so without this one the lookup read every service of the batch's providers: a cost that
-- grew with the table, per batch.
create index claimed_service_reference_number on claimed_service (municipality_code, reference_number);
