// convert.js: writes the GeoJSON that tiendo's world map draws (see
// update.sh beside it) to stdout, from the packages update.sh installs:
// world-atlas's countries-110m.json (TopoJSON of Natural Earth's 1:110m
// Admin 0 countries), converted once with topojson-client, each country
// given its ISO 3166-1 alpha-3 code and its names in Vietnamese and English
// from i18n-iso-countries' table (world-atlas has numeric codes only).
//
// The output is the format generator/maps reads: a FeatureCollection whose
// features have the properties code (alpha-3, or null for a territory with
// no ISO code: N. Cyprus, Somaliland, Kosovo), name (Vietnamese) and
// name_en, coordinates rounded to 2 decimals (about 1 km, finer than the
// 1:110m data), rings that cross the antimeridian unwrapped, Antarctica
// left out, one feature per line so that a diff reads.
'use strict';
const topojson = require('topojson-client');
const countries = require('i18n-iso-countries');
countries.registerLocale(require('i18n-iso-countries/langs/vi.json'));
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
const topo = require('world-atlas/countries-110m.json');

const round = (x) => Math.round(x * 100) / 100;

// ring rounds a ring's points and drops those that rounding made equal to
// the one before; null when fewer than 4 (a closed triangle) remain. A
// ring that crosses the antimeridian (Fiji, Russia's Chukotka) jumps from
// 180° to -180°: it is unwrapped to go on past 180°, since a flat map
// would draw the jump as a line across the world.
function ring(points) {
  const out = [], unwrapped = [];
  let shift = 0, last = null;
  for (const [x0, y] of points) {
    let x = x0 + shift;
    if (last !== null && x - last > 180) { shift -= 360; x -= 360; }
    if (last !== null && last - x > 180) { shift += 360; x += 360; }
    last = x;
    unwrapped.push([x, y]);
  }
  // A ring unwrapped to the west of -180° is moved east, beside the rest
  // of its country.
  const west = unwrapped.some(([x]) => x < -180) ? 360 : 0;
  for (const [x, y] of unwrapped) {
    const p = [round(x + west), round(y)];
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  return out.length >= 4 ? out : null;
}

function polygon(rings) {
  const out = [];
  for (const r of rings) {
    const kept = ring(r);
    if (kept) out.push(kept);
    else if (out.length === 0) return null; // its outer ring vanished
  }
  return out;
}

function geometry(g) {
  if (g.type === 'Polygon') {
    const p = polygon(g.coordinates);
    return p && {type: 'Polygon', coordinates: p};
  }
  const ps = g.coordinates.map(polygon).filter(Boolean);
  if (ps.length === 0) return null;
  return ps.length === 1 ? {type: 'Polygon', coordinates: ps[0]} : {type: 'MultiPolygon', coordinates: ps};
}

const fc = topojson.feature(topo, topo.objects.countries);
const lines = [];
const seen = new Set();
for (const f of fc.features) {
  // Antarctica is left out: a flat map stretches it across the whole foot
  // of the world, and no figure of the site is of it.
  if (f.id === '010') continue;
  const g = f.geometry && geometry(f.geometry);
  if (!g) throw new Error('no shape left of ' + f.properties.name);
  let code = null, name = f.properties.name, nameEn = f.properties.name;
  if (f.id !== undefined) {
    code = countries.numericToAlpha3(f.id);
    if (!code) throw new Error('no alpha-3 code for ' + f.id + ' (' + f.properties.name + ')');
    if (seen.has(code)) throw new Error('two shapes of ' + code);
    seen.add(code);
    name = countries.getName(code, 'vi') || name;
    nameEn = countries.getName(code, 'en') || nameEn;
  }
  lines.push(JSON.stringify({type: 'Feature', properties: {code: code, name: name, name_en: nameEn}, geometry: g}));
}
lines.sort(); // by code, the shapes of no code last
process.stdout.write('{"type":"FeatureCollection","features":[\n' + lines.join(',\n') + '\n]}\n');
