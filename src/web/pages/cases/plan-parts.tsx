/**
 * What the assessment, decision and evaluation screens share: the ZRM life domains and scores,
 * frequencies, outcomes and goal attainment in the catalogue's words (the API sends codes), and
 * the outcome badges. The server's label constants live next to server code (self-sufficiency.ts
 * imports the error module), so only their types are imported here.
 */
import { StatusBadge } from '@utrecht/component-library-react';
import type {
  CaseDetail,
  CompensationOutcome,
  DecisionLineForm,
  DecisionOutcome,
  Frequency,
  GoalAttainment,
  ZrmDomain,
  ZrmScore,
} from '../../api/cases.js';
import type { Code } from '../../api/reference.js';
import { type Translate, useText } from '../../i18n/i18n-context.js';
import type { TextKey } from '../../i18n/nl.js';
import type { Option } from '../../ui/Field.js';
import { formatDate } from '../../ui/format.js';

/** The statuses from which the law allows the decision (case-transitions.ts). */
export function decidable(c: CaseDetail): boolean {
  return c.law === 'youth' ? c.status === 'assessment' : c.status === 'applied';
}

/** In the order of the ZRM form (self-sufficiency.ts); a Record, so a new domain is a type error here. */
const ZRM_DOMAIN_TEXT: Record<ZrmDomain, TextKey> = {
  finances: 'zrmDomain.finances',
  work_education: 'zrmDomain.work_education',
  time_use: 'zrmDomain.time_use',
  domestic_relations: 'zrmDomain.domestic_relations',
  housing: 'zrmDomain.housing',
  mental_health: 'zrmDomain.mental_health',
  physical_health: 'zrmDomain.physical_health',
  addiction: 'zrmDomain.addiction',
  basic_adl: 'zrmDomain.basic_adl',
  instrumental_adl: 'zrmDomain.instrumental_adl',
  social_network: 'zrmDomain.social_network',
  social_participation: 'zrmDomain.social_participation',
  justice: 'zrmDomain.justice',
};

export const ZRM_DOMAIN_LIST = Object.keys(ZRM_DOMAIN_TEXT) as ZrmDomain[];

export function isZrmDomain(value: string): value is ZrmDomain {
  return Object.hasOwn(ZRM_DOMAIN_TEXT, value);
}

const ZRM_SCORE_TEXT: Record<ZrmScore, TextKey> = {
  1: 'zrmScore.1',
  2: 'zrmScore.2',
  3: 'zrmScore.3',
  4: 'zrmScore.4',
  5: 'zrmScore.5',
};

export const ZRM_SCORE_LIST: readonly ZrmScore[] = [1, 2, 3, 4, 5];

export function zrmDomainText(t: Translate, domain: string): string {
  return isZrmDomain(domain) ? t(ZRM_DOMAIN_TEXT[domain]) : domain;
}

/** "3 – Beperkt zelfredzaam" */
export function zrmScoreText(t: Translate, score: number | undefined): string {
  if (score === undefined) return '';
  const key = ZRM_SCORE_TEXT[score as ZrmScore];
  return key ? `${score} – ${t(key)}` : String(score);
}

export function zrmScoreOptions(t: Translate): Option[] {
  return ZRM_SCORE_LIST.map((score) => ({ value: String(score), label: zrmScoreText(t, score) }));
}

export function parseZrmScore(value: string): ZrmScore | undefined {
  return ZRM_SCORE_LIST.find((score) => String(score) === value);
}

const FREQUENCY_TEXT: Record<Frequency, TextKey> = {
  '1': 'frequency.1',
  '2': 'frequency.2',
  '4': 'frequency.4',
  '6': 'frequency.6',
};

export const FREQUENCY_LIST = Object.keys(FREQUENCY_TEXT) as Frequency[];

export function frequencyText(t: Translate, frequency: string | null): string {
  if (frequency === null) return '';
  const key = Object.hasOwn(FREQUENCY_TEXT, frequency) ? FREQUENCY_TEXT[frequency as Frequency] : undefined;
  return key ? t(key) : frequency;
}

/** A unit code (WJ756) as the lower-case word of the code list: "uur". */
export function unitText(units: readonly Code[], code: string | null): string {
  if (code === null) return '';
  return units.find((u) => u.code === code)?.description.toLowerCase() ?? code;
}

/** "01-02-2026 t/m 30-04-2026", or "vanaf 01-02-2026" without an end. */
export function periodText(t: Translate, start: string | null, end: string | null): string {
  if (start === null) return '';
  return end === null
    ? t('decision.periodOpen', { start: formatDate(start) })
    : t('decision.period', { start: formatDate(start), end: formatDate(end) });
}

export const DECISION_FORMS: readonly DecisionLineForm[] = ['in_kind', 'personal_budget'];

export function decisionFormText(t: Translate, form: DecisionLineForm | null): string {
  return form === null ? '' : t(`decisionForm.${form}`);
}

export const GOAL_ATTAINMENT_LIST: readonly GoalAttainment[] = ['yes', 'partly', 'no'];

export function attainmentText(t: Translate, attained: GoalAttainment): string {
  return t(`attainment.${attained}`);
}

/**
 * Allocation statuses are a string in the case API; the provider's messages move an allocation
 * on (305 started, 307 stopped). An unknown one is shown as it is.
 */
const ALLOCATION_STATUS_TEXT: Record<string, TextKey> = {
  allocated: 'allocationStatus.allocated',
  started: 'allocationStatus.started',
  stopped: 'allocationStatus.stopped',
};

export function allocationStatusText(t: Translate, status: string): string {
  const key = Object.hasOwn(ALLOCATION_STATUS_TEXT, status) ? ALLOCATION_STATUS_TEXT[status] : undefined;
  return key ? t(key) : status;
}

const DECISION_BADGE: Record<DecisionOutcome, { status: string; className: string }> = {
  granted: { status: 'success', className: 'met' },
  partly_granted: { status: 'warning', className: 'partly' },
  refused: { status: 'danger', className: 'refused' },
};

/** "Toegekend", "Deels toegekend", "Afgewezen" as a badge (the text carries the meaning). */
export function DecisionOutcomeBadge({ outcome }: { outcome: DecisionOutcome }) {
  const t = useText();
  const badge = DECISION_BADGE[outcome];
  return (
    <StatusBadge status={badge.status} className={`rk-badge rk-badge--${badge.className}`}>
      {t(`decisionOutcome.${outcome}`)}
    </StatusBadge>
  );
}

const COMPENSATION_BADGE: Record<CompensationOutcome, { status: string; className: string }> = {
  compensated: { status: 'success', className: 'met' },
  partly_compensated: { status: 'warning', className: 'partly' },
  not_compensated: { status: 'danger', className: 'refused' },
};

export function CompensationBadge({ outcome }: { outcome: CompensationOutcome }) {
  const t = useText();
  const badge = COMPENSATION_BADGE[outcome];
  return (
    <StatusBadge status={badge.status} className={`rk-badge rk-badge--${badge.className}`}>
      {t(`compensation.${outcome}`)}
    </StatusBadge>
  );
}
