import type { Flag, FormDRecord } from '../record/index.js';
import type { Rule } from './rule.js';

/** USPS codes: the 50 states, DC, the territories, the freely associated states and the military. */
export const US_POSTAL_CODES: ReadonlySet<string> = new Set(
  (
    'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND ' +
    'OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR VI GU AS MP UM FM MH PW AA AE AP'
  ).split(' '),
);

/** Form D's codes for a foreign jurisdiction of incorporation: Canada and any other country. */
export const FOREIGN_JURISDICTIONS: ReadonlySet<string> = new Set(['CN', 'FN']);

const CHECKS = [
  { path: 'issuer.address.state', name: "The issuer's state", foreign: false },
  { path: 'issuer.principalBusinessAddress.state', name: 'The principal business state', foreign: false },
  { path: 'issuer.jurisdiction', name: 'The jurisdiction of incorporation', foreign: true },
] as const;

function valueAt(record: FormDRecord, path: (typeof CHECKS)[number]['path']): string | null {
  const { issuer } = record;
  if (path === 'issuer.address.state') return issuer.address?.state ?? null;
  if (path === 'issuer.principalBusinessAddress.state') return issuer.principalBusinessAddress?.state ?? null;
  return issuer.jurisdiction;
}

export const STATE_CODE: Rule = {
  id: 'STATE_CODE',
  severity: 'error',
  kind: 'consistency',
  paths: CHECKS.map((c) => c.path),
  description:
    'The issuer and principal business address states are US two-letter postal codes (DC, PR and territories included); the jurisdiction may also be CN or FN.',
  check(record: FormDRecord): Flag[] {
    return CHECKS.flatMap(({ path, name, foreign }) => {
      const code = valueAt(record, path);
      if (code === null || US_POSTAL_CODES.has(code) || (foreign && FOREIGN_JURISDICTIONS.has(code)))
        return [];
      const allowed = foreign ? 'a US two-letter postal code, CN or FN' : 'a US two-letter postal code';
      const canonical = code.trim().toUpperCase();
      const fixable = US_POSTAL_CODES.has(canonical) || (foreign && FOREIGN_JURISDICTIONS.has(canonical));
      return [
        {
          rule: STATE_CODE.id,
          severity: STATE_CODE.severity,
          paths: [path],
          message: `${name} ("${code}") is not ${allowed}`,
          explanation: fixable ? `It reads as ${canonical} once spaces and case are set right.` : null,
        },
      ];
    });
  },
};
