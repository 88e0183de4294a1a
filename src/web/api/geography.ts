/** Districts (wijken) and neighbourhoods (buurten), with their GeoJSON outlines (module `geography`). */
import { apiPost, apiPut, type ListResult } from './http.js';
import { useApiGet } from './use-api.js';

export type Position = [number, number];
export type Geometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface DistrictSummary {
  code: string;
  name: string;
  population: number;
  neighbourhoodCount: number;
}

export interface Neighbourhood {
  code: string;
  name: string;
  districtCode: string;
  population: number;
  geometry: Geometry | null;
}

export type NeighbourhoodSummary = Omit<Neighbourhood, 'geometry'>;

export interface DistrictDetail extends DistrictSummary {
  geometry: Geometry | null;
  neighbourhoods: Neighbourhood[];
}

export function useDistricts() {
  return useApiGet<ListResult<DistrictSummary>>('/api/v1/districts');
}

export function useDistrict(code: string | null) {
  return useApiGet<DistrictDetail>(code === null ? null : `/api/v1/districts/${encodeURIComponent(code)}`);
}

export function useNeighbourhood(code: string | null) {
  return useApiGet<Neighbourhood>(
    code === null ? null : `/api/v1/neighbourhoods/${encodeURIComponent(code)}`,
  );
}

export function useNeighbourhoods(enabled = true) {
  return useApiGet<ListResult<NeighbourhoodSummary>>(enabled ? '/api/v1/neighbourhoods' : null);
}

export function createDistrict(input: { code: string; name: string }): Promise<DistrictDetail> {
  return apiPost<DistrictDetail>('/api/v1/districts', { ...input, geometry: null });
}

export function updateDistrict(
  code: string,
  input: { name: string; geometry: Geometry | null },
): Promise<DistrictDetail> {
  return apiPut<DistrictDetail>(`/api/v1/districts/${encodeURIComponent(code)}`, input);
}

export function createNeighbourhood(input: {
  code: string;
  name: string;
  districtCode: string;
  population: number;
}): Promise<Neighbourhood> {
  return apiPost<Neighbourhood>('/api/v1/neighbourhoods', { ...input, geometry: null });
}

export function updateNeighbourhood(
  code: string,
  input: { name: string; population: number; geometry: Geometry | null },
): Promise<Neighbourhood> {
  return apiPut<Neighbourhood>(`/api/v1/neighbourhoods/${encodeURIComponent(code)}`, input);
}
