/**
 * The SEC "Form D Data Sets" layout (FORMDSUBMISSION, ISSUERS, OFFERING, RECIPIENTS, RELATEDPERSONS,
 * SIGNATURES: the SEC's column names and value codes, in the SEC's column order), filled from
 * paper-era records, and the added tables for the parts of the paper form (SEC 1972) that the 2008
 * electronic form lacks. Every column says where its value comes from, or that the paper form has none.
 */
import type { FormDRecord } from '../record/index.js';
import { syntheticAccessionNumber } from './accession-number.js';
import { stateName } from './state-names.js';
import { type Cell, columns, type ExportTable } from './table.js';

const NONE = 'Empty: the paper form has no such item.';

const accession = (r: FormDRecord) => syntheticAccessionNumber(r.id);
const ACCESSION_DOC =
  'Synthetic accession number P + 9 + 2 + 6 hex digits of the record id (sha256 of the scanned file); starts with a letter so it never collides with EDGAR.';

/** An address written on one line, `street[, more], city, ST 12345`, in the SEC's parts. */
export interface SplitAddress {
  street1: string | null;
  street2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
}

export function splitAddress(text: string | null): SplitAddress {
  if (!text) return { street1: null, street2: null, city: null, state: null, zip: null };
  const match = /^(.*),\s*([^,]+),\s*([A-Z]{2})\.?\s+(\d{5}(?:-\d{4})?)$/.exec(text.trim());
  if (!match) return { street1: text.trim(), street2: null, city: null, state: null, zip: null };
  const [, street = '', city = '', state = '', zip = ''] = match;
  const [first = '', ...rest] = street.split(/,\s*/);
  return { street1: first, street2: rest.length ? rest.join(', ') : null, city, state, zip };
}

/** `Dixon, Donald R.` as last, first and middle names; a name without a comma (a firm) is all last name. */
export function splitPersonName(name: string | null): {
  first: string | null;
  middle: string | null;
  last: string | null;
} {
  if (!name) return { first: null, middle: null, last: null };
  const comma = name.indexOf(',');
  if (comma < 0) return { first: null, middle: null, last: name.trim() };
  const last = name.slice(0, comma).trim();
  const [first = null, ...middle] = name
    .slice(comma + 1)
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return { first, middle: middle.length ? middle.join(' ') : null, last };
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** `2003-11-28` as the SEC data sets write FILING_DATE: `28-NOV-2003`. */
export function secDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${MONTHS[Number(m) - 1] ?? '???'}-${y}`;
}

const isEstimated = (r: FormDRecord, path: string) => r.offering.estimated.includes(path);

const sum = (values: Array<number | null>): number | null =>
  values.every((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0);

/** Rule 504/505/506 and Section 4(6) as the SEC's FEDERALEXEMPTIONS_ITEMS_LIST codes; ULOE has none. */
function exemptionCodes(r: FormDRecord): string | null {
  const e = r.filing.exemptions;
  const codes = [e.rule504 && '04', e.rule505 && '05', e.rule506 && '06', e.section4_6 && '4a5'].filter(
    (c): c is string => typeof c === 'string',
  );
  return codes.length ? codes.join(',') : null;
}

const ENTITY_TYPE: Record<string, string> = {
  corporation: 'Corporation',
  'limited partnership, already formed': 'Limited Partnership',
  'limited partnership, to be formed': 'Limited Partnership',
  'business trust': 'Business Trust',
  other: 'Other',
};

/** The 2008 form asks whether the issuer was incorporated over five years ago, within five, or is yet to be. */
function yearOfIncChoice(r: FormDRecord): string | null {
  if (r.issuer.entityType === 'limited partnership, to be formed') return 'yetToBeFormed';
  const year = r.issuer.incorporation.year;
  const signed = r.signature.date ? Number(r.signature.date.slice(0, 4)) : null;
  if (year === null || signed === null) return null;
  return signed - year > 5 ? 'overFiveYears' : 'withinFiveYears';
}

const positive = (cents: number | null): boolean | null => (cents === null ? null : cents > 0);

export const FORMDSUBMISSION: ExportTable = {
  name: 'FORMDSUBMISSION',
  doc: 'One row a filing.',
  columns: columns([
    ['ACCESSIONNUMBER', 'string', ACCESSION_DOC],
    [
      'FILE_NUM',
      'string',
      `${NONE} (paper filings carried a 021- file number stamped by the SEC; formd does not read it)`,
    ],
    [
      'FILING_DATE',
      'sec-date',
      'The signature date of Part D, DD-MON-YYYY: the paper form has no filing date, and the SEC received stamp is not read.',
    ],
    ['SIC_CODE', 'string', NONE],
    ['SCHEMAVERSION', 'string', '`SEC1972`: the paper form (SEC 1972), not an EDGAR XML schema version.'],
    [
      'SUBMISSIONTYPE',
      'string',
      '`D` or `D/A` (Type of Filing: amendment); empty when the box was not read.',
    ],
    ['TESTORLIVE', 'string', '`LIVE`: every paper filing was a real filing.'],
    ['OVER100PERSONSFLAG', 'bool', NONE],
    ['OVER100ISSUERFLAG', 'bool', NONE],
  ]),
  rows: (r) => [
    [
      accession(r),
      null,
      r.signature.date,
      null,
      'SEC1972',
      r.filing.isAmendment === null ? null : r.filing.isAmendment ? 'D/A' : 'D',
      'LIVE',
      null,
      null,
    ],
  ],
};

export const ISSUERS: ExportTable = {
  name: 'ISSUERS',
  doc: 'One row a filing: the paper form names one issuer, the primary one.',
  columns: columns([
    ['ACCESSIONNUMBER', 'string', ACCESSION_DOC],
    ['IS_PRIMARYISSUER_FLAG', 'string', '`YES`: the paper form has one issuer.'],
    ['ISSUER_SEQ_KEY', 'int', '1.'],
    ['CIK', 'string', `${NONE} (paper-era issuers mostly had no CIK)`],
    ['ENTITYNAME', 'string', 'A.1 Name of Issuer.'],
    ['STREET1', 'string', 'A.1 Address of Executive Offices: number and street.'],
    ['STREET2', 'string', 'Empty: the paper form has one street line.'],
    ['CITY', 'string', 'A.1 Address of Executive Offices: city.'],
    ['STATEORCOUNTRY', 'string', 'A.1 Address of Executive Offices: state, two-letter code.'],
    ['STATEORCOUNTRYDESCRIPTION', 'string', 'The name of STATEORCOUNTRY, upper case (CALIFORNIA).'],
    ['ZIPCODE', 'string', 'A.1 Address of Executive Offices: zip code.'],
    ['ISSUERPHONENUMBER', 'string', 'A.1 Telephone Number, as written.'],
    [
      'JURISDICTIONOFINC',
      'string',
      'Jurisdiction of Incorporation or Organization: the two-letter code written on the form, as the SEC writes it, in full (DELAWARE); CN is CANADA, FN FOREIGN.',
    ],
    ['ISSUER_PREVIOUSNAME_1', 'string', NONE],
    ['ISSUER_PREVIOUSNAME_2', 'string', NONE],
    ['ISSUER_PREVIOUSNAME_3', 'string', NONE],
    ['EDGAR_PREVIOUSNAME_1', 'string', NONE],
    ['EDGAR_PREVIOUSNAME_2', 'string', NONE],
    ['EDGAR_PREVIOUSNAME_3', 'string', NONE],
    [
      'ENTITYTYPE',
      'string',
      'Type of Business Organization: Corporation, Limited Partnership (already formed or to be formed), Business Trust, Other.',
    ],
    ['ENTITYTYPEOTHERDESC', 'string', 'The "other (please specify)" text.'],
    [
      'YEAROFINC_TIMESPAN_CHOICE',
      'string',
      'overFiveYears / withinFiveYears, from the year of incorporation and the signature date; yetToBeFormed for a partnership to be formed.',
    ],
    [
      'YEAROFINC_VALUE_ENTERED',
      'string',
      'The year of incorporation, always given (the 2008 form asks for it only within five years); month and actual/estimated are in LEGACY_OFFERING.',
    ],
  ]),
  rows: (r) => {
    const a = r.issuer.address;
    const state = a?.state ?? null;
    const jurisdiction = r.issuer.jurisdiction;
    return [
      [
        accession(r),
        'YES',
        1,
        null,
        r.issuer.name,
        a?.street ?? null,
        null,
        a?.city ?? null,
        state,
        stateName(state),
        a?.zip ?? null,
        r.issuer.phone,
        stateName(jurisdiction) ?? jurisdiction,
        null,
        null,
        null,
        null,
        null,
        null,
        r.issuer.entityType ? (ENTITY_TYPE[r.issuer.entityType] ?? null) : null,
        r.issuer.entityTypeOther,
        yearOfIncChoice(r),
        r.issuer.incorporation.year === null ? null : String(r.issuer.incorporation.year),
      ],
    ];
  },
};

export const OFFERING: ExportTable = {
  name: 'OFFERING',
  doc: 'One row a filing.',
  columns: columns([
    ['ACCESSIONNUMBER', 'string', ACCESSION_DOC],
    ['INDUSTRYGROUPTYPE', 'string', `${NONE} (the business description is in LEGACY_OFFERING)`],
    ['INVESTMENTFUNDTYPE', 'string', NONE],
    ['IS40ACT', 'bool', NONE],
    ['REVENUERANGE', 'string', NONE],
    ['AGGREGATENETASSETVALUERANGE', 'string', NONE],
    [
      'FEDERALEXEMPTIONS_ITEMS_LIST',
      'string',
      'Filing Under: Rule 504 = 04, Rule 505 = 05, Rule 506 = 06, Section 4(6) = 4a5, comma-separated; ULOE has no code (LEGACY_OFFERING.ULOE).',
    ],
    ['ISAMENDMENT', 'bool', 'Type of Filing: amendment.'],
    ['PREVIOUSACCESSIONNUMBER', 'string', NONE],
    ['SALE_DATE', 'date', `${NONE} (no date of first sale on the paper form)`],
    ['YETTOOCCUR', 'bool', NONE],
    ['MORETHANONEYEAR', 'bool', NONE],
    ['ISEQUITYTYPE', 'bool', 'C.1 Equity has an aggregate offering price above 0.'],
    ['ISDEBTTYPE', 'bool', 'C.1 Debt has an aggregate offering price above 0.'],
    [
      'ISOPTIONTOACQUIRETYPE',
      'bool',
      'C.1 Convertible Securities (including warrants) has an aggregate offering price above 0.',
    ],
    ['ISSECURITYTOBEACQUIREDTYPE', 'bool', NONE],
    ['ISPOOLEDINVESTMENTFUNDTYPE', 'bool', NONE],
    ['ISTENANTINCOMMONTYPE', 'bool', NONE],
    ['ISMINERALPROPERTYTYPE', 'bool', NONE],
    ['ISOTHERTYPE', 'bool', 'C.1 Partnership Interests or Other has an aggregate offering price above 0.'],
    ['DESCRIPTIONOFOTHERTYPE', 'string', '"Partnership Interests" and/or the C.1 Other (Specify) text.'],
    ['ISBUSINESSCOMBINATIONTRANS', 'bool', NONE],
    ['BUSCOMBCLARIFICATIONOFRESP', 'string', NONE],
    ['MINIMUMINVESTMENTACCEPTED', 'money', 'B.2 minimum investment accepted from any individual, dollars.'],
    ['OVER100RECIPIENTFLAG', 'bool', NONE],
    ['TOTALOFFERINGAMOUNT', 'money', 'C.1 Total, Aggregate Offering Price, dollars.'],
    ['TOTALAMOUNTSOLD', 'money', 'C.1 Total, Amount Already Sold, dollars.'],
    ['TOTALREMAINING', 'money', 'TOTALOFFERINGAMOUNT less TOTALAMOUNTSOLD.'],
    ['SALESAMTCLARIFICATIONOFRESP', 'string', NONE],
    [
      'HASNONACCREDITEDINVESTORS',
      'bool',
      'B.1: has the issuer sold, or does it intend to sell, to non-accredited investors.',
    ],
    ['NUMBERNONACCREDITEDINVESTORS', 'int', 'C.2 Non-accredited Investors, Number of Investors.'],
    ['TOTALNUMBERALREADYINVESTED', 'int', 'C.2 accredited plus non-accredited Number of Investors.'],
    ['SALESCOMM_DOLLARAMOUNT', 'money', 'C.4.a Sales Commissions, dollars.'],
    ['SALESCOMM_ISESTIMATE', 'bool', 'The estimate box left of C.4.a Sales Commissions is checked.'],
    ['FINDERSFEE_DOLLARAMOUNT', 'money', "C.4.a Finders' Fees, dollars."],
    ['FINDERSFEE_ISESTIMATE', 'bool', "The estimate box left of C.4.a Finders' Fees is checked."],
    ['FINDERFEECLARIFICATIONOFRESP', 'string', NONE],
    [
      'GROSSPROCEEDSUSED_DOLLARAMOUNT',
      'money',
      'C.5 Payments to Officers, Directors & Affiliates: the column total as written, else the sum of the column.',
    ],
    ['GROSSPROCEEDSUSED_ISESTIMATE', 'bool', 'The estimate box left of that C.5 column total is checked.'],
    ['GROSSPROCEEDSUSED_CLAROFRESP', 'string', NONE],
    ['AUTHORIZEDREPRESENTATIVE', 'bool', NONE],
  ]),
  rows: (r) => {
    const o = r.offering;
    const s = o.securities;
    const other = [
      s.partnership.offered ? 'Partnership Interests' : null,
      s.other.offered ? (s.other.description ?? 'Other') : null,
    ].filter((x): x is string => x !== null);
    const u = o.useOfProceeds;
    const affiliates = u.columnTotals.affiliates ?? sum(ROWS.map(([k]) => u[k].affiliates));
    const numbers = [o.investors.accredited.count, o.investors.nonAccredited.count];
    return [
      [
        accession(r),
        null,
        null,
        null,
        null,
        null,
        exemptionCodes(r),
        r.filing.isAmendment,
        null,
        null,
        null,
        null,
        positive(s.equity.offered),
        positive(s.debt.offered),
        positive(s.convertible.offered),
        null,
        null,
        null,
        null,
        s.partnership.offered === null && s.other.offered === null ? null : other.length > 0,
        other.length ? other.join('; ') : null,
        null,
        null,
        o.minimumInvestment,
        null,
        s.total.offered,
        s.total.sold,
        s.total.offered === null || s.total.sold === null ? null : s.total.offered - s.total.sold,
        null,
        o.nonAccreditedSales,
        o.investors.nonAccredited.count,
        numbers.every((n) => n === null) ? null : numbers.reduce<number>((a, n) => a + (n ?? 0), 0),
        o.expenses.salesCommissions,
        isEstimated(r, 'expenses.salesCommissions'),
        o.expenses.findersFees,
        isEstimated(r, 'expenses.findersFees'),
        null,
        affiliates,
        isEstimated(r, 'useOfProceeds.columnTotals.affiliates'),
        null,
        null,
      ],
    ];
  },
};

export const RECIPIENTS: ExportTable = {
  name: 'RECIPIENTS',
  doc: 'One row per B.4 person receiving sales compensation; none for a filing that lists none.',
  columns: columns([
    ['ACCESSIONNUMBER', 'string', ACCESSION_DOC],
    ['RECIPIENT_SEQ_KEY', 'int', 'The position of the block on the form, from 1.'],
    ['RECIPIENTNAME', 'string', 'B.4 Full Name.'],
    ['RECIPIENTCRDNUMBER', 'string', NONE],
    ['ASSOCIATEDBDNAME', 'string', 'B.4 Name of Associated Broker or Dealer.'],
    ['ASSOCIATEDBDCRDNUMBER', 'string', NONE],
    ['STREET1', 'string', 'B.4 Business or Residence Address, split: first street part.'],
    ['STREET2', 'string', 'The rest of the street (suite, floor), when the address has more parts.'],
    ['CITY', 'string', 'The city of the address.'],
    ['STATEORCOUNTRY', 'string', 'The two-letter state of the address.'],
    ['STATEORCOUNTRYDESCRIPTION', 'string', 'The name of STATEORCOUNTRY, upper case.'],
    [
      'ZIPCODE',
      'string',
      'The zip code of the address. An address that does not split keeps all of it in STREET1.',
    ],
    [
      'STATES_OR_VALUE_LIST',
      'string',
      'States in Which Person Listed Has Solicited: two-letter codes, comma-separated, or `All States`.',
    ],
    ['DESCRIPTIONS_LIST', 'string', 'The names of those states, comma-separated.'],
    ['FOREIGNSOLICITATION', 'bool', NONE],
  ]),
  rows: (r) =>
    r.offering.salesCompensation.map((p, i) => {
      const a = splitAddress(p.address);
      return [
        accession(r),
        i + 1,
        p.name,
        null,
        p.brokerDealer,
        null,
        a.street1,
        a.street2,
        a.city,
        a.state,
        stateName(a.state),
        a.zip,
        p.allStates ? 'All States' : p.states.length ? p.states.join(',') : null,
        p.allStates ? null : p.states.map((s) => stateName(s) ?? s).join(',') || null,
        null,
      ];
    }),
};

export const RELATEDPERSONS: ExportTable = {
  name: 'RELATEDPERSONS',
  doc: 'One row per A.2 related person, in form order.',
  columns: columns([
    ['ACCESSIONNUMBER', 'string', ACCESSION_DOC],
    ['RELATEDPERSON_SEQ_KEY', 'int', 'The position of the block on the form, from 1.'],
    [
      'FIRSTNAME',
      'string',
      'A.2 Full Name (Last name first, if individual): the part after the comma, first word.',
    ],
    ['MIDDLENAME', 'string', 'The words after the first name.'],
    ['LASTNAME', 'string', 'The part before the comma; a name without a comma (a firm) is all here.'],
    ['STREET1', 'string', 'A.2 Business or Residence Address, split: first street part.'],
    ['STREET2', 'string', 'The rest of the street (suite, floor).'],
    ['CITY', 'string', 'The city of the address.'],
    ['STATEORCOUNTRY', 'string', 'The two-letter state of the address.'],
    ['STATEORCOUNTRYDESCRIPTION', 'string', 'The name of STATEORCOUNTRY, upper case.'],
    ['ZIPCODE', 'string', 'The zip code. An address that does not split keeps all of it in STREET1.'],
    [
      'RELATIONSHIP_1',
      'string',
      'The first checked of Executive Officer, Director, Promoter (the SEC codes, in that order).',
    ],
    ['RELATIONSHIP_2', 'string', 'The second.'],
    ['RELATIONSHIP_3', 'string', 'The third.'],
    [
      'RELATIONSHIPCLARIFICATION',
      'string',
      'The paper-only boxes with no 2008 code: `Beneficial Owner`, `General and/or Managing Partner`, semicolon-separated.',
    ],
  ]),
  rows: (r) =>
    r.relatedPersons.map((p, i) => {
      const n = splitPersonName(p.name);
      const a = splitAddress(p.address);
      const relationships = [
        p.roles.executiveOfficer && 'Executive Officer',
        p.roles.director && 'Director',
        p.roles.promoter && 'Promoter',
      ].filter((x): x is string => typeof x === 'string');
      const clarification = [
        p.roles.beneficialOwner && 'Beneficial Owner',
        p.roles.generalPartner && 'General and/or Managing Partner',
      ].filter((x): x is string => typeof x === 'string');
      return [
        accession(r),
        i + 1,
        n.first,
        n.middle,
        n.last,
        a.street1,
        a.street2,
        a.city,
        a.state,
        stateName(a.state),
        a.zip,
        relationships[0] ?? null,
        relationships[1] ?? null,
        relationships[2] ?? null,
        clarification.length ? clarification.join('; ') : null,
      ];
    }),
};

export const SIGNATURES: ExportTable = {
  name: 'SIGNATURES',
  doc: 'One row a filing: Part D, the signature.',
  columns: columns([
    ['ACCESSIONNUMBER', 'string', ACCESSION_DOC],
    ['SIGNATURE_SEQ_KEY', 'int', '1.'],
    ['ISSUERNAME', 'string', 'D: Issuer (Print or Type).'],
    [
      'SIGNATURENAME',
      'string',
      'The name of the signer (a paper signature is handwriting; its printed name is used).',
    ],
    ['NAMEOFSIGNER', 'string', 'D: Name of Signer (Print or Type).'],
    ['SIGNATURETITLE', 'string', 'D: Title of Signer.'],
    ['SIGNATUREDATE', 'date', 'D: Date, YYYY-MM-DD.'],
  ]),
  rows: (r) => [
    [
      accession(r),
      1,
      r.signature.issuer,
      r.signature.signer,
      r.signature.signer,
      r.signature.title,
      r.signature.date,
    ],
  ],
};

/** The C.4.a lines, in form order, with the SEC-style codes of LEGACY_EXPENSES.LINE. */
const EXPENSES = [
  ['transferAgent', 'TRANSFERAGENTFEES', "Transfer Agent's Fees"],
  ['printing', 'PRINTINGANDENGRAVING', 'Printing and Engraving Costs'],
  ['legal', 'LEGALFEES', 'Legal Fees'],
  ['accounting', 'ACCOUNTINGFEES', 'Accounting Fees'],
  ['engineering', 'ENGINEERINGFEES', 'Engineering Fees'],
  ['salesCommissions', 'SALESCOMMISSIONS', 'Sales Commissions (specify finders fees separately)'],
  ['findersFees', 'FINDERSFEES', "Finders' Fees"],
  ['other', 'OTHEREXPENSES', 'Other Expenses (identify)'],
  ['total', 'TOTAL', 'Total'],
] as const;

/** The C.5 rows, in form order. */
const ROWS = [
  ['salaries', 'SALARIESANDFEES', 'Salaries and fees'],
  ['realEstate', 'REALESTATE', 'Purchase of real estate'],
  ['equipment', 'EQUIPMENT', 'Purchase, rental or leasing and installation of machinery and equipment'],
  ['construction', 'CONSTRUCTION', 'Construction or leasing of plant buildings and facilities'],
  ['acquisition', 'ACQUISITION', 'Acquisition of other businesses (including the value of securities)'],
  ['debtRepayment', 'REPAYMENTOFINDEBTEDNESS', 'Repayment of indebtedness'],
  ['workingCapital', 'WORKINGCAPITAL', 'Working capital'],
  ['other', 'OTHER', 'Other (specify)'],
] as const;

export const LEGACY_OFFERING: ExportTable = {
  name: 'LEGACY_OFFERING',
  doc: 'One row a filing: the paper form items with no column in the SEC tables, and formd bookkeeping.',
  columns: columns([
    ['ACCESSIONNUMBER', 'string', ACCESSION_DOC],
    ['FORMD_ID', 'string', 'The formd record id: the sha256 of the scanned file, hex.'],
    ['SOURCEFILE', 'string', 'The file name the filing was read from.'],
    ['REVIEWSTATUS', 'string', 'auto, needs_review or reviewed.'],
    [
      'OFFERINGNAME',
      'string',
      'Name of Offering (check if this is an amendment and name has changed, and indicate change).',
    ],
    ['ULOE', 'bool', 'Filing Under: ULOE (Uniform Limited Offering Exemption).'],
    ['BUSINESSDESCRIPTION', 'string', 'A.1 Brief Description of Business.'],
    [
      'PRINCIPALBUSINESSADDRESS',
      'string',
      'A.1 Address of Principal Business Operations, when different, one line.',
    ],
    ['PRINCIPALBUSINESSPHONE', 'string', 'Its telephone number.'],
    ['INCORPORATIONMONTH', 'int', 'Actual or Estimated Date of Incorporation or Organization: month.'],
    ['INCORPORATIONYEAR', 'int', 'Year.'],
    ['INCORPORATIONACTUAL', 'bool', 'true for Actual, false for Estimated.'],
    [
      'JURISDICTIONCODE',
      'string',
      'The jurisdiction as written: two-letter code, CN Canada, FN other foreign.',
    ],
    ['JOINTOWNERSHIP', 'bool', 'B.3: does the offering permit joint ownership of a single unit.'],
    ['DEBT_OFFERED', 'money', 'C.1 Debt, Aggregate Offering Price.'],
    ['DEBT_SOLD', 'money', 'C.1 Debt, Amount Already Sold.'],
    ['EQUITY_OFFERED', 'money', 'C.1 Equity, Aggregate Offering Price.'],
    ['EQUITY_SOLD', 'money', 'C.1 Equity, Amount Already Sold.'],
    ['EQUITY_COMMON', 'bool', 'C.1 Equity: Common box.'],
    ['EQUITY_PREFERRED', 'bool', 'C.1 Equity: Preferred box.'],
    [
      'CONVERTIBLE_OFFERED',
      'money',
      'C.1 Convertible Securities (including warrants), Aggregate Offering Price.',
    ],
    ['CONVERTIBLE_SOLD', 'money', 'C.1 Convertible Securities, Amount Already Sold.'],
    ['PARTNERSHIP_OFFERED', 'money', 'C.1 Partnership Interests, Aggregate Offering Price.'],
    ['PARTNERSHIP_SOLD', 'money', 'C.1 Partnership Interests, Amount Already Sold.'],
    ['OTHER_OFFERED', 'money', 'C.1 Other, Aggregate Offering Price.'],
    ['OTHER_SOLD', 'money', 'C.1 Other, Amount Already Sold.'],
    ['OTHER_DESCRIPTION', 'string', 'C.1 Other (Specify).'],
    ['ACCREDITED_COUNT', 'int', 'C.2 Accredited Investors, Number of Investors.'],
    ['ACCREDITED_AMOUNT', 'money', 'C.2 Accredited Investors, Aggregate Dollar Amount of Purchases.'],
    ['NONACCREDITED_COUNT', 'int', 'C.2 Non-accredited Investors, Number of Investors.'],
    ['NONACCREDITED_AMOUNT', 'money', 'C.2 Non-accredited Investors, Aggregate Dollar Amount of Purchases.'],
    ['ADJUSTEDGROSSPROCEEDS', 'money', 'C.4.b adjusted gross proceeds to the issuer.'],
    ['ADJUSTEDGROSSPROCEEDS_ISESTIMATE', 'bool', 'Its estimate box is checked.'],
    ['STATEDISQUALIFICATION', 'bool', 'E.1: is any party subject to a state disqualification provision.'],
  ]),
  rows: (r) => {
    const o = r.offering;
    const s = o.securities;
    const p = r.issuer.principalBusinessAddress;
    const principal = p
      ? [p.street, p.city, [p.state, p.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ')
      : null;
    return [
      [
        accession(r),
        r.id,
        r.source.file,
        r.review.status,
        r.filing.offeringName,
        r.filing.exemptions.uloe,
        r.issuer.businessDescription,
        principal || null,
        r.issuer.principalBusinessPhone,
        r.issuer.incorporation.month,
        r.issuer.incorporation.year,
        r.issuer.incorporation.actual,
        r.issuer.jurisdiction,
        o.jointOwnership,
        s.debt.offered,
        s.debt.sold,
        s.equity.offered,
        s.equity.sold,
        s.equity.common,
        s.equity.preferred,
        s.convertible.offered,
        s.convertible.sold,
        s.partnership.offered,
        s.partnership.sold,
        s.other.offered,
        s.other.sold,
        s.other.description,
        o.investors.accredited.count,
        o.investors.accredited.amount,
        o.investors.nonAccredited.count,
        o.investors.nonAccredited.amount,
        o.adjustedGrossProceeds,
        isEstimated(r, 'adjustedGrossProceeds'),
        r.stateDisqualification,
      ],
    ];
  },
};

export const LEGACY_EXPENSES: ExportTable = {
  name: 'LEGACY_EXPENSES',
  doc: 'One row per C.4.a line (nine a filing, Total last): the 2008 form keeps only sales commissions and finders fees.',
  columns: columns([
    ['ACCESSIONNUMBER', 'string', ACCESSION_DOC],
    ['LINE_SEQ', 'int', 'The line position on the form, from 1.'],
    ['LINE', 'string', `The line: ${EXPENSES.map(([, code]) => code).join(', ')}.`],
    ['DESCRIPTION', 'string', "The line's label on the form."],
    ['AMOUNT', 'money', 'The amount written, dollars; empty when blank.'],
    ['ISESTIMATE', 'bool', 'The estimate box left of the amount is checked.'],
  ]),
  rows: (r) =>
    EXPENSES.map(([key, code, label], i) => [
      accession(r),
      i + 1,
      code,
      label,
      r.offering.expenses[key],
      isEstimated(r, `expenses.${key}`),
    ]),
};

export const LEGACY_USEOFPROCEEDS: ExportTable = {
  name: 'LEGACY_USEOFPROCEEDS',
  doc: 'One row per C.5 line (eight uses, COLUMNTOTALS, TOTALPAYMENTSLISTED): the use of proceeds, which the 2008 form does not ask.',
  columns: columns([
    ['ACCESSIONNUMBER', 'string', ACCESSION_DOC],
    ['LINE_SEQ', 'int', 'The line position on the form, from 1.'],
    [
      'LINE',
      'string',
      `The line: ${ROWS.map(([, code]) => code).join(', ')}, COLUMNTOTALS, TOTALPAYMENTSLISTED.`,
    ],
    [
      'DESCRIPTION',
      'string',
      "The line's label on the form; for OTHER, the filer's specification when given.",
    ],
    [
      'AFFILIATESAMOUNT',
      'money',
      'Payments to Officers, Directors & Affiliates, dollars (empty on TOTALPAYMENTSLISTED).',
    ],
    ['AFFILIATES_ISESTIMATE', 'bool', 'Its estimate box is checked.'],
    ['OTHERSAMOUNT', 'money', 'Payments To Others, dollars (empty on TOTALPAYMENTSLISTED).'],
    ['OTHERS_ISESTIMATE', 'bool', 'Its estimate box is checked.'],
    ['AMOUNT', 'money', 'TOTALPAYMENTSLISTED only: Total Payments Listed (column totals added), as written.'],
    ['AMOUNT_ISESTIMATE', 'bool', 'TOTALPAYMENTSLISTED only: its estimate box is checked.'],
  ]),
  rows: (r) => {
    const u = r.offering.useOfProceeds;
    const est = (p: string) => isEstimated(r, `useOfProceeds.${p}`);
    const lines: Cell[][] = ROWS.map(([key, code, label], i) => [
      accession(r),
      i + 1,
      code,
      key === 'other' && u.other.description ? u.other.description : label,
      u[key].affiliates,
      est(`${key}.affiliates`),
      u[key].others,
      est(`${key}.others`),
      null,
      null,
    ]);
    lines.push([
      accession(r),
      ROWS.length + 1,
      'COLUMNTOTALS',
      'Column Totals',
      u.columnTotals.affiliates,
      est('columnTotals.affiliates'),
      u.columnTotals.others,
      est('columnTotals.others'),
      null,
      null,
    ]);
    lines.push([
      accession(r),
      ROWS.length + 2,
      'TOTALPAYMENTSLISTED',
      'Total Payments Listed (column totals added)',
      null,
      null,
      null,
      null,
      u.totalPaymentsListed,
      est('totalPaymentsListed'),
    ]);
    return lines;
  },
};

export const FLAGS: ExportTable = {
  name: 'FLAGS',
  doc: "One row per flag formd raised: a rule of the form's arithmetic or sanity that the filing breaks (`formd rules`).",
  columns: columns([
    ['ACCESSIONNUMBER', 'string', ACCESSION_DOC],
    ['FLAG_SEQ', 'int', 'The position of the flag in the record, from 1.'],
    ['RULE', 'string', 'The rule id (C5_TOTAL_EQUALS_ADJUSTED_PROCEEDS, ...).'],
    ['SEVERITY', 'string', 'error (the filing disagrees with itself) or warning (a value probably misread).'],
    ['PATHS', 'string', 'The record paths the rule read, space-separated.'],
    ['EXPECTED', 'money', 'The value the rule expected, dollars, where numeric.'],
    ['ACTUAL', 'money', 'The value found, dollars.'],
    ['DIFFERENCE', 'money', 'ACTUAL less EXPECTED.'],
    ['MESSAGE', 'string', 'The flag for a person.'],
    ['EXPLANATION', 'string', 'The likely cause, where the numbers show it.'],
    ['SUGGESTION_PATH', 'string', 'For a probable misread: the record path of the value.'],
    [
      'SUGGESTION_VALUE',
      'money',
      'The value the arithmetic suggests, dollars (never applied without a reviewer).',
    ],
  ]),
  rows: (r) =>
    r.flags.map((f, i) => [
      accession(r),
      i + 1,
      f.rule,
      f.severity,
      f.paths.join(' '),
      f.expected ?? null,
      f.actual ?? null,
      f.difference ?? null,
      f.message,
      f.explanation ?? null,
      f.suggestion?.path ?? null,
      f.suggestion?.value ?? null,
    ]),
};

export const PROVENANCE: ExportTable = {
  name: 'PROVENANCE',
  doc: 'One row per value read: where on the page (or which transcription line) it came from, and how sure formd is.',
  columns: columns([
    ['ACCESSIONNUMBER', 'string', ACCESSION_DOC],
    ['PATH', 'string', 'The record path of the value (offering.useOfProceeds.totalPaymentsListed).'],
    ['SOURCE', 'string', 'ocr (read from a page image), text (a transcription) or review (set by a person).'],
    ['CONFIDENCE', 'float', 'From 0 to 1.'],
    ['PAGE', 'int', 'The 1-based page of the scan; empty for a transcription.'],
    ['BBOX_X0', 'int', 'The box of the value on the cleaned page raster, pixels: left.'],
    ['BBOX_Y0', 'int', 'Top.'],
    ['BBOX_X1', 'int', 'Right.'],
    ['BBOX_Y1', 'int', 'Bottom.'],
    ['LINE', 'int', 'The 1-based line of a transcription the value was read from.'],
    ['RAW', 'string', 'The text as read.'],
  ]),
  rows: (r) =>
    Object.entries(r.fields).map(([path, f]) => [
      accession(r),
      path,
      f.source,
      f.confidence,
      f.page,
      f.bbox ? Math.round(f.bbox[0]) : null,
      f.bbox ? Math.round(f.bbox[1]) : null,
      f.bbox ? Math.round(f.bbox[2]) : null,
      f.bbox ? Math.round(f.bbox[3]) : null,
      f.line ?? null,
      f.raw,
    ]),
};

/** Every table of the SEC-layout and Parquet exports, the SEC's six first. */
export const SEC_TABLES: readonly ExportTable[] = [
  FORMDSUBMISSION,
  ISSUERS,
  OFFERING,
  RECIPIENTS,
  RELATEDPERSONS,
  SIGNATURES,
  LEGACY_OFFERING,
  LEGACY_EXPENSES,
  LEGACY_USEOFPROCEEDS,
  FLAGS,
  PROVENANCE,
];
