import { z } from 'zod';
import { DISTRICT_CODE, MESSAGES, NEIGHBOURHOOD_CODE } from '../../shared/identifiers.js';
import { listOf, requiredText } from '../../shared/schema-helpers.js';

const position = z.tuple([
  z.number().min(-180, { error: 'Lengtegraad ligt tussen -180 en 180.' }).max(180, {
    error: 'Lengtegraad ligt tussen -180 en 180.',
  }),
  z.number().min(-90, { error: 'Breedtegraad ligt tussen -90 en 90.' }).max(90, {
    error: 'Breedtegraad ligt tussen -90 en 90.',
  }),
]);

const ring = z
  .array(position)
  .min(4, { error: 'Een ring van een polygoon heeft minstens 4 punten.' })
  .max(20_000, { error: 'Een ring mag hoogstens 20.000 punten hebben.' })
  .refine(
    (points) => {
      const first = points[0];
      const last = points[points.length - 1];
      return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
    },
    { error: 'Een ring moet gesloten zijn: het laatste punt is gelijk aan het eerste.' },
  );

const polygonCoordinates = z.array(ring).min(1).max(100);

export const geometrySchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('Polygon'), coordinates: polygonCoordinates }),
    z.strictObject({
      type: z.literal('MultiPolygon'),
      coordinates: z.array(polygonCoordinates).min(1).max(100),
    }),
  ],
  { error: 'De geometrie moet een GeoJSON Polygon of MultiPolygon zijn.' },
);
export type Geometry = z.infer<typeof geometrySchema>;

export const districtCode = z.string().regex(DISTRICT_CODE, { error: MESSAGES.districtCode });
export const neighbourhoodCode = z.string().regex(NEIGHBOURHOOD_CODE, { error: MESSAGES.neighbourhoodCode });
const population = z.number().int({ error: 'Het inwonertal is een geheel getal.' }).min(0).max(2_000_000);

export const createDistrictBody = z.strictObject({
  code: districtCode,
  name: requiredText('De naam'),
  geometry: geometrySchema.nullable().default(null),
});
/** In updates an omitted geometry or population keeps its value; null clears the outline. */
export const updateDistrictBody = z.strictObject({
  name: requiredText('De naam'),
  geometry: geometrySchema.nullable().optional(),
});
export const createNeighbourhoodBody = z.strictObject({
  code: neighbourhoodCode,
  name: requiredText('De naam'),
  districtCode,
  population: population.default(0),
  geometry: geometrySchema.nullable().default(null),
});
export const updateNeighbourhoodBody = z.strictObject({
  name: requiredText('De naam'),
  population: population.optional(),
  geometry: geometrySchema.nullable().optional(),
});
export type CreateDistrict = z.infer<typeof createDistrictBody>;
export type UpdateDistrict = z.infer<typeof updateDistrictBody>;
export type CreateNeighbourhood = z.infer<typeof createNeighbourhoodBody>;
export type UpdateNeighbourhood = z.infer<typeof updateNeighbourhoodBody>;

export const neighbourhoodSummary = z.object({
  code: z.string(),
  name: z.string(),
  districtCode: z.string(),
  population: z.number().int(),
});
export const neighbourhoodDetail = neighbourhoodSummary.extend({ geometry: geometrySchema.nullable() });
export const districtSummary = z.object({
  code: z.string(),
  name: z.string(),
  population: z.number().int(),
  neighbourhoodCount: z.number().int(),
});
export const districtDetail = districtSummary.extend({
  geometry: geometrySchema.nullable(),
  neighbourhoods: z.array(neighbourhoodDetail),
});
export const districtList = listOf(districtSummary);
export const neighbourhoodList = listOf(neighbourhoodSummary);
export type DistrictSummary = z.infer<typeof districtSummary>;
export type DistrictDetail = z.infer<typeof districtDetail>;
export type NeighbourhoodSummary = z.infer<typeof neighbourhoodSummary>;
export type NeighbourhoodDetail = z.infer<typeof neighbourhoodDetail>;
