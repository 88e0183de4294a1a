/**
 * What each role sees and may change in the interface. The server enforces the same rules;
 * this only hides what a role cannot use, so nobody is shown a button that ends in a 403.
 */
import { CONTRACT_READERS } from '../../server/access.js';
import type { Role } from '../../shared/roles.js';

export type Section =
  | 'worklist'
  | 'monitor'
  | 'teams'
  | 'geography'
  | 'providers'
  | 'provisions'
  | 'contracts'
  | 'residents'
  | 'processingLog'
  | 'accounts'
  | 'messages';
export type Resource = 'geography' | 'providers' | 'provisions' | 'contracts' | 'residents';

/** The menu per role, in menu order. A provider user gets only its own provider page. */
export const SECTIONS_BY_ROLE: Record<Role, readonly Section[]> = {
  administrator: [
    'geography',
    'providers',
    'provisions',
    'contracts',
    'messages',
    'monitor',
    'teams',
    'accounts',
  ],
  policy_advisor: ['monitor', 'geography', 'providers', 'provisions', 'contracts'],
  contract_manager: ['providers', 'provisions', 'contracts', 'messages', 'monitor', 'geography'],
  case_worker: ['worklist', 'residents', 'providers', 'provisions', 'monitor'],
  // The client monitor is what the board is here for: first in its menu.
  board_member: ['monitor', 'geography', 'providers', 'provisions'],
  privacy_officer: ['processingLog'],
  // The message exchange is what a provider comes for; its own provider page follows.
  provider_user: ['messages'],
};

const WRITERS: Record<Resource, readonly Role[]> = {
  providers: ['administrator', 'contract_manager'],
  contracts: ['administrator', 'contract_manager'],
  provisions: ['administrator', 'policy_advisor', 'contract_manager'],
  geography: ['administrator', 'policy_advisor'],
  residents: ['case_worker'],
};

export const SECTION_PATHS: Record<Section, string> = {
  worklist: '/werkvoorraad',
  monitor: '/monitor',
  teams: '/teams',
  geography: '/wijken',
  providers: '/aanbieders',
  provisions: '/voorzieningen',
  contracts: '/contracten',
  residents: '/inwoners',
  processingLog: '/verwerkingenlog',
  accounts: '/accounts',
  messages: '/berichten',
};

export function canUse(role: Role, section: Section): boolean {
  return SECTIONS_BY_ROLE[role].includes(section);
}

export function canWrite(role: Role, resource: Resource): boolean {
  return WRITERS[resource].includes(role);
}

/** Who may read contracts: the server's own list (the board sees aggregates only). */
export function canReadContracts(role: Role): boolean {
  return CONTRACT_READERS.includes(role);
}

/** Cases: opened, read and moved on by case workers only (the server limits them to their teams). */
export function canWorkCases(role: Role): boolean {
  return canUse(role, 'worklist');
}

/** A provider page: every registry reader, and a provider user for its own provider only. */
export function canReadProvider(role: Role, ownProviderId: string | null, providerId: string): boolean {
  if (role === 'provider_user') return ownProviderId === providerId;
  return canUse(role, 'providers');
}

/** Messages are submitted by a provider only, on behalf of its own provider (the server's rule). */
export function canSubmitMessages(role: Role): boolean {
  return role === 'provider_user';
}

/** Answering a provider's request (319): the roles of POST /api/v1/messages/requests/:id/answer. */
export function canAnswerRequests(role: Role): boolean {
  return role === 'administrator' || role === 'contract_manager';
}

/** The sending round for allocation messages: the roles of POST /api/v1/messages/outbox. */
export function canSendAllocations(role: Role): boolean {
  return role === 'administrator' || role === 'contract_manager';
}

/** The provider monitor: the roles of its route (monitor-routes.ts); case workers have the client monitor only. */
const PROVIDER_MONITOR_ROLES: readonly Role[] = [
  'administrator',
  'policy_advisor',
  'contract_manager',
  'board_member',
];

export function canSeeProviderMonitor(role: Role): boolean {
  return canUse(role, 'monitor') && PROVIDER_MONITOR_ROLES.includes(role);
}
