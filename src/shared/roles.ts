/** The roles an account can have; a municipality's roles plus the provider's own users. */
export const ROLES = [
  'administrator',
  'policy_advisor',
  'contract_manager',
  'case_worker',
  'board_member',
  'privacy_officer',
  'provider_user',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  administrator: 'Beheerder',
  policy_advisor: 'Beleidsadviseur',
  contract_manager: 'Contractmanager',
  case_worker: 'Consulent',
  board_member: 'Bestuurder',
  privacy_officer: 'Functionaris gegevensbescherming',
  provider_user: 'Medewerker zorgaanbieder',
};
