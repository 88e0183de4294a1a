/**
 * The performance agreements a contract can hold, each one of the provider monitor's measures:
 * the median days from an allocation's start to the start of care (at most), the share of
 * allocations never started (at most), the delivered share of the allocated value (at least),
 * the share of claimed services refused (at most) and of start and stop messages sent late (at
 * most). Shared by the registry (contracts), the monitor and the screens.
 */
export const KPI_INDICATORS = [
  'median_days_to_start',
  'never_started_share',
  'delivery_rate',
  'rejected_services_share',
  'late_reports_share',
] as const;
export type KpiIndicator = (typeof KPI_INDICATORS)[number];
/** delivery_rate is a floor; the others are ceilings. */
export const KPI_AT_LEAST: ReadonlySet<KpiIndicator> = new Set(['delivery_rate']);
