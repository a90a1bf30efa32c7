import { formatDollars } from '../record/money.js';
import type { FormDRecord } from '../record/schema.js';

const money = (cents: number | null) => (cents === null ? '—' : formatDollars(cents));
const yesNo = (b: boolean | null) => (b === null ? '—' : b ? 'yes' : 'no');
const text = (s: string | null) => s ?? '—';
const checked = (o: Record<string, boolean | null>) =>
  Object.entries(o)
    .filter(([, v]) => v)
    .map(([k]) => k)
    .join(', ') || 'none';

/** The record for a person: each part of the form in its own order, then the flags with their explanations. */
export function renderRecord(r: FormDRecord): string {
  const o = r.offering;
  const s = o.securities;
  const lines: string[] = [];
  const add = (label: string, value: string) => lines.push(`  ${label.padEnd(34)} ${value}`);
  const head = (title: string) => lines.push('', title);

  lines.push(`${text(r.issuer.name)} — ${text(r.filing.offeringName)}`);
  lines.push(
    `id ${r.id}  source ${r.source.file} (${r.source.kind}${r.source.textLayer ? ', text layer' : ''}, ${r.source.pages} pages)`,
  );
  lines.push(
    `review: ${r.review.status}${r.review.reasons.length ? ` (${r.review.reasons.join(', ')})` : ''}`,
  );

  head('Filing');
  add('Filing under', checked(r.filing.exemptions));
  add('Amendment', yesNo(r.filing.isAmendment));

  head('A. Basic identification data');
  const a = r.issuer.address;
  add('Issuer', text(r.issuer.name));
  add('Address', a ? [a.street, a.city, a.state, a.zip].filter(Boolean).join(', ') : '—');
  add('Telephone', text(r.issuer.phone));
  add('Business', text(r.issuer.businessDescription));
  add(
    'Entity type',
    `${text(r.issuer.entityType)}${r.issuer.entityTypeOther ? ` (${r.issuer.entityTypeOther})` : ''}`,
  );
  const inc = r.issuer.incorporation;
  add(
    'Incorporated',
    `${inc.month ?? '—'}/${inc.year ?? '—'} ${inc.actual === null ? '' : inc.actual ? '(actual)' : '(estimated)'}`,
  );
  add('Jurisdiction', text(r.issuer.jurisdiction));
  lines.push(`  Related persons (${r.relatedPersons.length}):`);
  for (const p of r.relatedPersons)
    lines.push(`    ${text(p.name)} — ${checked(p.roles)}; ${text(p.address)}`);

  head('B. Information about offering');
  add('B.1 Sells to non-accredited', yesNo(o.nonAccreditedSales));
  add('B.2 Minimum investment', money(o.minimumInvestment));
  add('B.3 Joint ownership', yesNo(o.jointOwnership));
  add(
    'B.4 Sales compensation',
    o.salesCompensation.length ? o.salesCompensation.map((x) => text(x.name)).join('; ') : 'none',
  );

  head('C. Offering price, investors, expenses, use of proceeds');
  lines.push(`  ${'C.1'.padEnd(34)} ${'offered'.padStart(18)} ${'sold'.padStart(18)}`);
  for (const [name, row] of Object.entries(s)) {
    lines.push(`    ${name.padEnd(32)} ${money(row.offered).padStart(18)} ${money(row.sold).padStart(18)}`);
  }
  add(
    'C.2 Accredited',
    `${o.investors.accredited.count ?? '—'} investors, ${money(o.investors.accredited.amount)}`,
  );
  add(
    '    Non-accredited',
    `${o.investors.nonAccredited.count ?? '—'} investors, ${money(o.investors.nonAccredited.amount)}`,
  );
  lines.push('  C.4.a Expenses');
  for (const [name, value] of Object.entries(o.expenses))
    lines.push(`    ${name.padEnd(32)} ${money(value).padStart(18)}`);
  add('C.4.b Adjusted gross proceeds', money(o.adjustedGrossProceeds));
  lines.push(`  ${'C.5 Use of proceeds'.padEnd(34)} ${'affiliates'.padStart(18)} ${'others'.padStart(18)}`);
  for (const [name, row] of Object.entries(o.useOfProceeds)) {
    if (typeof row === 'number' || row === null) continue;
    lines.push(
      `    ${name.padEnd(32)} ${money(row.affiliates).padStart(18)} ${money(row.others).padStart(18)}`,
    );
  }
  add('    Total payments listed', money(o.useOfProceeds.totalPaymentsListed));
  if (o.estimated.length) add('Estimates', o.estimated.join(', '));

  head('D. Signature');
  add('Issuer', text(r.signature.issuer));
  add('Signed by', `${text(r.signature.signer)}, ${text(r.signature.title)}`);
  add('Date', text(r.signature.date));
  head('E. State');
  add('E.1 Disqualified party', yesNo(r.stateDisqualification));

  head(r.flags.length ? `Flags (${r.flags.length})` : 'Flags: none, the arithmetic agrees');
  for (const f of r.flags) {
    lines.push(`  ${f.severity.toUpperCase()} ${f.rule}: ${f.message}`);
    if (f.explanation) lines.push(`    ${f.explanation}`);
    if (f.suggestion)
      lines.push(
        `    suggested ${f.suggestion.path} = ${formatDollars(f.suggestion.value)} (${f.suggestion.reason})`,
      );
  }
  return `${lines.join('\n')}\n`;
}
