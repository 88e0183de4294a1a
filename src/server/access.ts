/**
 * Access rules, declared on every route. A route without a rule is refused (deny by default),
 * and a test walks every registered route to prove none is missing one.
 */
import type { Role } from '../shared/roles.js';

export type AccessRule = { public: true } | { authenticated: true } | { roles: readonly Role[] };

export const PUBLIC: AccessRule = { public: true };
export const AUTHENTICATED: AccessRule = { authenticated: true };
export function rolesOnly(...roles: Role[]): AccessRule {
  return { roles };
}

/** Municipal roles that may see the non-personal registry (providers, provisions, geography). */
export const REGISTRY_READERS: readonly Role[] = [
  'administrator',
  'policy_advisor',
  'contract_manager',
  'case_worker',
  'board_member',
];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
    /** false only where no session exists yet to hold a token (login). */
    csrf?: boolean;
  }
}

export function allows(rule: AccessRule | undefined, role: Role | undefined): boolean {
  if (!rule) return false;
  if ('public' in rule) return true;
  if (role === undefined) return false;
  if ('authenticated' in rule) return true;
  return rule.roles.includes(role);
}

/**
 * Roles that may see contracts (tariffs, budget ceilings): case workers allocate care under
 * them; provider users see only their own.
 */
export const CONTRACT_READERS: readonly Role[] = [
  'administrator',
  'policy_advisor',
  'contract_manager',
  'case_worker',
  'provider_user',
];
