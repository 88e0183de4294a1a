-- The resident's identity as the BRP has it and an iWmo/iJw allocation message (301) needs it:
-- the name in parts (CDT_VolledigeNaam), the gender (LDT_Geslacht) and the BRP address
-- (CDT_Adres). Owned by the registry module. Every new column is optional, so residents
-- registered with only a display name keep working; `name` stays the display name, composed
-- from the parts when they are given. The limits mirror the standard's data types, so what the
-- registry holds always fits a 301.

alter table resident_identity
  add column family_name text
    constraint resident_identity_family_name check (length(family_name) between 1 and 200),
  add column family_name_prefix text
    constraint resident_identity_family_name_prefix check (length(family_name_prefix) between 1 and 10),
  add column given_names text
    constraint resident_identity_given_names check (length(given_names) between 1 and 200),
  -- Derived from the given names by the application (LDT_Voorletters), never entered.
  add column initials text
    constraint resident_identity_initials check (initials ~ '^[a-zA-Z\u00C0-\u1EF3]{1,6}$'),
  -- LDT_Geslacht: 0 unknown, 1 male, 2 female.
  add column gender text not null default '0'
    constraint resident_identity_gender check (gender in ('0', '1', '2')),
  add column street text
    constraint resident_identity_street check (length(street) between 1 and 24),
  add column house_number integer
    constraint resident_identity_house_number check (house_number between 0 and 99999),
  add column house_letter text
    constraint resident_identity_house_letter check (house_letter ~ '^[A-Za-z]$'),
  add column house_number_addition text
    constraint resident_identity_house_number_addition check (length(house_number_addition) between 1 and 4),
  add column postcode text
    constraint resident_identity_postcode check (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
  add column place text
    constraint resident_identity_place check (length(place) between 1 and 80);

-- Given names, prefix and initials belong to a family name.
alter table resident_identity add constraint resident_identity_name_parts check (
  family_name is not null or (family_name_prefix is null and given_names is null and initials is null)
);

-- An address is whole or absent: street, house number, postcode and place together; a house
-- letter or addition only with them.
alter table resident_identity add constraint resident_identity_address check (
  (street is null and house_number is null and house_letter is null and house_number_addition is null
    and postcode is null and place is null)
  or (street is not null and house_number is not null and postcode is not null and place is not null)
);
