import { US_POSTAL_CODES } from '../rules/state-code.js';

/** Splits "1600 Bridge Parkway, Redwood Shores, CA 94065" into street, city, state and zip. */
export interface Address {
  street: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
}

export function splitAddress(text: string | null): Address | null {
  if (!text) return null;
  const t = text.replace(/\s+/g, ' ').trim();
  const m =
    /^(.*?)[,\s]+([A-Za-z][A-Za-z .'-]*?)[,\s]+([A-Z]{2})\.?,?\s*(\d{5}(?:-?\d{4})?)?$/.exec(t) ??
    // A ZIP code OCR garbled ("VA 2323", "DC 200%4", a figure lost to a gap: "MI 4 270") still
    // ends the address after a real state code: the city and state are read, the ZIP code as it
    // was read.
    garbledZip(t);
  if (!m) return { street: t, city: null, state: null, zip: null };
  const [, before = '', city = '', state = '', zip] = m;
  // The city is the last comma-separated part before the state; the rest is the street.
  const parts = `${before}, ${city}`
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const cityPart = parts.pop() ?? null;
  return {
    street: parts.length ? parts.join(', ') : null,
    city: cityPart,
    state,
    zip: zip ?? null,
  };
}

function garbledZip(text: string): RegExpExecArray | null {
  const m = /^(.*?)[,\s]+([A-Za-z][A-Za-z .'-]*?),\s*([A-Z]{2})\.?,?\s+(\S{3,6}|\d{1,4} \d{1,4})$/.exec(text);
  const [, , , state = '', zip = ''] = m ?? [];
  return m && US_POSTAL_CODES.has(state) && (zip.match(/\d/g) ?? []).length >= 3 ? m : null;
}
