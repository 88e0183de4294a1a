/**
 * A small drawing of a district and its neighbourhoods from their GeoJSON outlines: plain SVG,
 * no map library and no tiles. Longitude is scaled by cos(latitude) so shapes keep their form.
 */
import { useMemo } from 'react';
import type { Geometry, Neighbourhood, Position } from '../../api/geography.js';

/** The longer side of the drawing, in SVG units. */
const SIZE = 640;
const PADDING = 12;

function polygons(geometry: Geometry | null): Position[][][] {
  if (!geometry) return [];
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

interface Shape {
  code: string;
  name: string;
  path: string;
  label: { x: number; y: number };
}

export function GeoDrawing({
  title,
  description,
  district,
  neighbourhoods,
}: {
  title: string;
  description: string;
  district: Geometry | null;
  neighbourhoods: readonly Neighbourhood[];
}) {
  const drawing = useMemo(() => {
    const all = [...polygons(district), ...neighbourhoods.flatMap((n) => polygons(n.geometry))];
    const points = all.flat(2);
    if (points.length === 0) return null;
    const lons = points.map((p) => p[0]);
    const lats = points.map((p) => p[1]);
    const minLon = Math.min(...lons);
    const maxLon = Math.max(...lons);
    const minLat = Math.min(...lats);
    const maxLat = Math.max(...lats);
    const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
    const spanX = Math.max((maxLon - minLon) * kx, 1e-9);
    const spanY = Math.max(maxLat - minLat, 1e-9);
    const scale = (SIZE - 2 * PADDING) / Math.max(spanX, spanY);
    const width = Math.round(spanX * scale + 2 * PADDING);
    const height = Math.round(spanY * scale + 2 * PADDING);
    const project = ([lon, lat]: Position) => ({
      x: PADDING + (lon - minLon) * kx * scale,
      y: PADDING + (maxLat - lat) * scale,
    });
    const toPath = (geometry: Geometry | null) =>
      polygons(geometry)
        .flatMap((polygon) =>
          polygon.map(
            (ring) =>
              `${ring
                .map((p, i) => {
                  const { x, y } = project(p);
                  return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
                })
                .join('')}Z`,
          ),
        )
        .join('');
    const shapes: Shape[] = neighbourhoods
      .filter((n) => n.geometry)
      .map((n) => {
        const ring = polygons(n.geometry)[0]?.[0] ?? [];
        const projected = ring.map(project);
        const cx = projected.reduce((s, p) => s + p.x, 0) / Math.max(1, projected.length);
        const cy = projected.reduce((s, p) => s + p.y, 0) / Math.max(1, projected.length);
        return { code: n.code, name: n.name, path: toPath(n.geometry), label: { x: cx, y: cy } };
      });
    return { width, height, outline: toPath(district), shapes };
  }, [district, neighbourhoods]);

  if (!drawing) return null;
  return (
    <figure className="rk-geo">
      <svg
        viewBox={`0 0 ${drawing.width} ${drawing.height}`}
        role="img"
        aria-labelledby="geo-title geo-desc"
        className="rk-geo__svg"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id="geo-title">{title}</title>
        <desc id="geo-desc">{description}</desc>
        {drawing.shapes.map((shape, index) => (
          <path
            key={shape.code}
            d={shape.path}
            className={`rk-geo__neighbourhood rk-geo__neighbourhood--${index % 4}`}
            fillRule="evenodd"
          >
            <title>{`${shape.name} (${shape.code})`}</title>
          </path>
        ))}
        {drawing.outline ? (
          <path d={drawing.outline} className="rk-geo__district" fillRule="evenodd" />
        ) : null}
        {drawing.shapes.map((shape) => (
          <text
            key={`${shape.code}-label`}
            x={shape.label.x}
            y={shape.label.y}
            className="rk-geo__label"
            textAnchor="middle"
          >
            {shape.name}
          </text>
        ))}
      </svg>
    </figure>
  );
}
