import { LevenshteinDistance } from 'natural/lib/natural/distance/index.js';
import type { FieldProvenance } from '../record/schema.js';
import type { Reader } from './reader.js';
import { squeezeValue } from './value-text.js';

/** One reading of an address on the form, with its provenance. */
interface AddressReading {
  value: string;
  field: FieldProvenance;
  /** The related person it is read for; null for the issuer's (read in parts, never set here). */
  person: number | null;
}

/**
 * Filers type one address many times: the issuer's, again for each officer and director at the
 * issuer's offices. A related person's address that OCR misread ("3 Gateway Boudevard, ...") is a
 * few letters off another reading of that address, and that reading is the likelier text where it
 * is read more surely, or where two readings agree on it. Addresses that differ only in a number
 * of as many figures ("Suite 200", "Suite 300") are different addresses, and are left alone; one
 * that is another less a character or two ("108 Third Street" for "2108 Third Street") is that
 * address with a faint or broken character OCR dropped, where the other is read more surely.
 */
export function mendRepeatedAddresses(r: Reader): void {
  const readings: AddressReading[] = [];
  const { issuer } = r.record;
  const street = r.recorder.fields['issuer.address.street'];
  if (issuer.address?.street && issuer.address.city && street?.source === 'ocr') {
    const { street: s, city, state, zip } = issuer.address;
    const value = `${s}, ${city}${state ? `, ${state}` : ''}${zip ? ` ${zip}` : ''}`;
    readings.push({ value, field: street, person: null });
  }
  r.record.relatedPersons.forEach((person, i) => {
    const field = r.recorder.fields[addressPath(i)];
    if (person.address && field?.source === 'ocr') readings.push({ value: person.address, field, person: i });
  });
  const votes = (value: string) => readings.filter((x) => x.value === value).length;
  for (const [i, reading] of readings.entries()) {
    if (reading.person === null) continue;
    const person = r.record.relatedPersons[reading.person];
    if (!person) continue;
    const own = votes(reading.value);
    const better = readings
      .filter((other) => {
        if (other.value === reading.value || !misreadOf(reading.value, other.value)) return false;
        // Never a malformed reading for a well-formed one, however many agree on it.
        const agreed = votes(other.value) > own && (wellFormed(other.value) || !wellFormed(reading.value));
        const surer =
          votes(other.value) === own &&
          other.field.confidence > reading.field.confidence &&
          ((wellFormed(other.value) && !wellFormed(reading.value)) || lostFrom(reading.value, other.value));
        return agreed || surer;
      })
      .sort((a, b) => votes(b.value) - votes(a.value) || b.field.confidence - a.field.confidence)[0];
    if (!better) continue;
    person.address = better.value;
    const field = {
      ...reading.field,
      confidence: Math.max(reading.field.confidence, better.field.confidence),
    };
    r.recorder.fields[addressPath(reading.person)] = field;
    readings[i] = { ...reading, value: better.value, field };
  }
}

const addressPath = (person: number) => `relatedPersons.${person}.address`;

/**
 * Whether `read` is `other` misread: a few letters or figures apart (at most one in eight), and
 * not another number of as many figures where the letters agree.
 */
function misreadOf(read: string, other: string): boolean {
  const [a, b] = [squeezeValue(read), squeezeValue(other)];
  if (Math.min(a.length, b.length) < 12) return false;
  const distance = LevenshteinDistance(a, b);
  if (distance === 0 || distance > Math.max(2, Math.floor(Math.max(a.length, b.length) / 8))) return false;
  const letters = (t: string) => t.replace(/\d/g, '');
  const figures = (t: string) => t.replace(/\D/g, '');
  return !(letters(a) === letters(b) && figures(a).length === figures(b).length);
}

/**
 * Whether `read` is `other` with a character or two OCR dropped (a faint or broken figure or
 * letter), letters and figures alike, in order.
 */
function lostFrom(read: string, other: string): boolean {
  const [a, b] = [squeezeValue(read), squeezeValue(other)];
  const lost = b.length - a.length;
  if (lost < 1 || lost > 2) return false;
  let at = 0;
  for (const ch of b) if (ch === a[at]) at++;
  return at === a.length;
}

/** An address that ends as addresses are typed: a state's code and a ZIP code of five figures. */
function wellFormed(address: string): boolean {
  return /,\s[A-Z]{2}\s\d{5}(?:-\d{4})?$/.test(address);
}
