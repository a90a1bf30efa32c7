import type { Flag, FormDRecord } from '../record/index.js';
import { isRealDate } from '../record/index.js';
import type { Rule } from './rule.js';

/** The paper Form D (SEC 1972) era: Regulation D dates from 1982; EDGAR filing replaced paper in 2009. */
export const FIRST_YEAR = 1982;
export const LAST_YEAR = 2009;

/** Whether a year is one a paper Form D was signed in. */
export function inPaperEra(year: number): boolean {
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

const SIGNED = 'signature.date';
const YEAR = 'issuer.incorporation.year';
const MONTH = 'issuer.incorporation.month';

export const DATE_PLAUSIBLE: Rule = {
  id: 'DATE_PLAUSIBLE',
  severity: 'error',
  kind: 'consistency',
  paths: [SIGNED, YEAR, MONTH],
  description: `The signature date is a real date in ${FIRST_YEAR}-${LAST_YEAR}; the incorporation month is 1-12 and an actual incorporation is not after the signature.`,
  check(record: FormDRecord): Flag[] {
    const flags: Flag[] = [];
    const raise = (paths: string[], message: string) =>
      flags.push({
        rule: DATE_PLAUSIBLE.id,
        severity: DATE_PLAUSIBLE.severity,
        paths,
        message,
        explanation: null,
      });

    const signed = parseIso(record.signature.date);
    if (record.signature.date !== null && signed === null) {
      raise([SIGNED], `The signature date (${record.signature.date}) is not a real date`);
    } else if (signed && !inPaperEra(signed.year)) {
      raise(
        [SIGNED],
        `The signature date (${record.signature.date}) is outside ${FIRST_YEAR}-${LAST_YEAR}, the years of the paper form`,
      );
    }

    const { month, year, actual } = record.issuer.incorporation;
    if (month !== null && (!Number.isInteger(month) || month < 1 || month > 12)) {
      raise([MONTH], `The incorporation month (${month}) is not a month (1-12)`);
    }
    // An estimated date (an entity still to be formed) may lie after the signature.
    if (signed && year !== null && actual !== false) {
      const after = year > signed.year || (year === signed.year && month !== null && month > signed.month);
      if (after) {
        const when = month !== null ? `${month}/${year}` : String(year);
        raise(
          [YEAR, SIGNED],
          `The issuer was incorporated (${when}) after the form was signed (${record.signature.date})`,
        );
      }
    }
    return flags;
  },
};

function parseIso(date: string | null): { year: number; month: number; day: number } | null {
  const m = date === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(year, month, day) ? { year, month, day } : null;
}
