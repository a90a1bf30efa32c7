/**
 * Paper filings have no EDGAR accession number. The SEC data sets join every table on
 * ACCESSIONNUMBER, so formd writes a synthetic one, stable for a filing because it comes from the
 * record id (the sha256 of the scanned file): `P` + the first 9 hex digits + `-` + 2 + `-` + 6.
 * It has the shape of an accession number (`0001234567-08-000123`) but starts with a letter,
 * so it can never collide with a real one.
 */
export function syntheticAccessionNumber(recordId: string): string {
  const hex = recordId.toUpperCase();
  return `P${hex.slice(0, 9)}-${hex.slice(9, 11)}-${hex.slice(11, 17)}`;
}
