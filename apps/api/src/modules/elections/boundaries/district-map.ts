import type { DistrictMap } from '@wahl/contracts';
import type { DistrictBoundary } from '@wahl/domain';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';

// The public map from the imported boundaries, built once per import. TopoJSON (topojson-server,
// -simplify, -client of the d3 project) is used because it simplifies the *shared* border of two
// districts once (as an arc), so neighbours keep fitting together without gaps or overlaps, which
// simplifying each polygon on its own (e.g. @turf/simplify) does not guarantee. Visvalingam weights
// on planar coordinates; the map is then written as SVG paths in whole units of a 1000-wide box
// (a unit is about 15 m in a city of Karlsruhe's size, below what a screen shows of a district).

export const MAP_WIDTH = 1000;
/** Share of the points kept (by Visvalingam weight): a city's 300 districts stay readable at 1280 px. */
const KEEP = 0.08;
/** Grid of the topology: shared borders snap together, far finer than the map draws. */
const QUANTIZATION = 1e5;

type Props = { readonly number: string };

/** One ring as an SVG sub-path in relative moves (short text), repeated points dropped. */
const ringPath = (ring: readonly Position[], at: (position: Position) => readonly [number, number]): string => {
  const points: (readonly [number, number])[] = [];
  for (const position of ring.slice(0, -1)) {
    const point = at(position);
    const last = points[points.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) points.push(point);
  }
  if (points.length < 3) return '';
  const [first, ...rest] = points as [readonly [number, number], ...(readonly [number, number])[]];
  const moves = rest.map((point, index) => {
    const previous = index === 0 ? first : rest[index - 1]!;
    return `${point[0] - previous[0]} ${point[1] - previous[1]}`;
  });
  return `M${first[0]} ${first[1]}l${moves.join(' ')}z`;
};

const polygonsOf = (geometry: Polygon | MultiPolygon | null): Position[][][] =>
  geometry === null ? [] : geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;

export function buildDistrictMap(boundaries: readonly DistrictBoundary[]): DistrictMap {
  const collection: FeatureCollection<MultiPolygon, Props> = {
    type: 'FeatureCollection',
    features: boundaries.map((boundary) => ({
      type: 'Feature',
      properties: { number: boundary.districtNumber },
      geometry: {
        type: 'MultiPolygon',
        coordinates: boundary.coordinates.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => [x, y]))),
      },
    })),
  };
  // The typings give topology() nullable properties; every feature here has its number.
  const topo = presimplify(
    topology({ districts: collection }, QUANTIZATION) as unknown as Topology<{ districts: GeometryCollection<Props> }>,
  );
  const simplified = simplify(topo, quantile(topo, 1 - KEEP));
  const features = (feature(simplified, simplified.objects.districts) as FeatureCollection<Polygon | MultiPolygon, Props>).features;

  const xs = boundaries.flatMap((b) => b.coordinates.flatMap((polygon) => polygon[0]!.map(([x]) => x)));
  const ys = boundaries.flatMap((b) => b.coordinates.flatMap((polygon) => polygon[0]!.map(([, y]) => y)));
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = MAP_WIDTH / Math.max(maxX - minX, Number.EPSILON);
  const height = Math.ceil((maxY - minY) * scale);
  // North up: SVG's y grows downwards.
  const at = ([x, y]: Position): readonly [number, number] => [Math.round((x! - minX) * scale), Math.round((maxY - y!) * scale)];
  return {
    width: MAP_WIDTH,
    height,
    districts: features.map((item: Feature<Polygon | MultiPolygon | null, Props>) => ({
      number: item.properties.number,
      path: polygonsOf(item.geometry)
        .flatMap((polygon) => polygon.map((ring) => ringPath(ring, at)))
        .join(''),
    })),
  };
}
