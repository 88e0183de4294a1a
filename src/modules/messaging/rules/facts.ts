/**
 * What the rules across messages need to know, loaded by the ingest service in bulk for one
 * provider and one message (or a batch of them), so the rules themselves stay pure functions.
 */

/** An allocation (toegewezen product) as the provider was told in its 301. */
export interface AllocationFacts {
  readonly allocationNumber: number;
  readonly bsn: string;
  readonly productCategory: string;
  /** Null for an allocation of a whole category (a "categorie-toewijzing"). */
  readonly productCode: string | null;
  readonly startDate: string;
  readonly endDate: string | null;
  /** Omvang: volume per frequency in unit (WJ756 Eenheid, WMO757 Frequentie). */
  readonly volume: number;
  readonly unit: string;
  /** '1' per day, '2' per week, '4' per month, '6' total over the allocation period. */
  readonly frequency: string;
  /** The contract's tariff for the product, in cents per unit; null when there is none. */
  readonly contractTariffCents: number | null;
}

/** A start or stop of care reported earlier for one of the provider's allocations, not withdrawn. */
export interface CareReportFacts {
  readonly kind: 'start' | 'stop';
  readonly allocationNumber: number;
  /** Begindatum: with the BSN and allocation number the key of a start and its stops. */
  readonly startDate: string;
  readonly endDate: string | null;
  /** RedenBeeindiging of a stop. */
  readonly reason: string | null;
}

export interface CareMessageFacts {
  /** The provider's allocations, by allocation number. */
  readonly allocations: ReadonlyMap<number, AllocationFacts>;
  /** Current starts and stops for those allocations. */
  readonly reports: readonly CareReportFacts[];
  /** Today in the Netherlands (ISO date). */
  readonly today: string;
}

/** A service (prestatie) the provider declared before, in this legal domain. */
export interface PriorServiceFacts {
  readonly referenceNumber: string;
  readonly previousReferenceNumber: string | null;
  readonly debitCredit: 'D' | 'C';
  /** Approved by the municipality (not rejected in a 325). */
  readonly approved: boolean;
  readonly allocationNumber: number;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly productCategory: string;
  readonly productCode: string;
  readonly deliveredVolume: number;
}

export interface ClaimFacts {
  /** The provider's allocations, by allocation number. */
  readonly allocations: ReadonlyMap<number, AllocationFacts>;
  /** The provider's earlier services in this legal domain, by reference number. */
  readonly priorServices: ReadonlyMap<string, PriorServiceFacts>;
  /** Whether the provider used this claim number before in this legal domain (TR333). */
  readonly claimNumberUsed: boolean;
  /** Today in the Netherlands (ISO date). */
  readonly today: string;
}
