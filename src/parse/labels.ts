import type { Label } from './form-text.js';

/**
 * The printed labels of Form D (SEC 1972, 1990s to 2008), with the wordings that other printings
 * and filers' retyped versions use. Parsers find values by these, never by position.
 */
export const LABELS = {
  // Section headings.
  partA: ['A. BASIC IDENTIFICATION DATA', 'BASIC IDENTIFICATION DATA'],
  partB: ['B. INFORMATION ABOUT OFFERING', 'INFORMATION ABOUT OFFERING'],
  partC: [
    'C. OFFERING PRICE, NUMBER OF INVESTORS, EXPENSES AND USE OF PROCEEDS',
    'OFFERING PRICE, NUMBER OF INVESTORS, EXPENSES AND USE OF PROCEEDS',
  ],
  partD: ['D. FEDERAL SIGNATURE', 'FEDERAL SIGNATURE'],
  partE: ['E. STATE SIGNATURE', 'STATE SIGNATURE'],
  appendix: ['APPENDIX'],
  formD: ['FORM D', 'NOTICE OF SALE OF SECURITIES'],

  // Page 1.
  // The long wordings carry the instruction printed after the label: where OCR garbled it past
  // what the value's instruction stripping knows ("i ☐ check if this ix an amendment..."), the
  // label reads on over it.
  nameOfOffering: [
    'Name of Offering',
    'Name of Offering (check if this is an amendment and name has changed, and indicate change.)',
  ],
  filingUnder: ['Filing Under'],
  rule504: ['Rule 504'],
  rule505: ['Rule 505'],
  rule506: ['Rule 506'],
  section4_6: ['Section 4(6)', 'Section 4 (6)'],
  uloe: ['ULOE'],
  typeOfFiling: ['Type of Filing'],
  newFiling: ['New Filing'],
  amendment: ['Amendment'],

  // A.1 issuer.
  nameOfIssuer: [
    'Name of Issuer',
    'Name of Issuer (check if this is an amendment and name has changed, and indicate change.)',
  ],
  executiveAddress: ['Address of Executive Offices'],
  telephone: ['Telephone Number (Including Area Code)', 'Telephone Number'],
  principalAddress: ['Address of Principal Business Operations'],
  businessDescription: ['Brief Description of Business'],
  // OCR may set the label's first words on a line of their own.
  businessOrganization: ['Type of Business Organization', 'Business Organization', 'Type of Business'],
  corporation: ['corporation'],
  lpFormed: ['limited partnership, already formed'],
  businessTrust: ['business trust'],
  lpToBeFormed: ['limited partnership, to be formed'],
  otherEntity: ['other (please specify)', 'other (specify)'],
  incorporationDate: ['Actual or Estimated Date of Incorporation or Organization'],
  month: ['Month'],
  year: ['Year'],
  actual: ['Actual'],
  estimated: ['Estimated'],
  jurisdiction: ['Jurisdiction of Incorporation or Organization'],

  // A.2 related persons, and B.4 recipients.
  a2: ['Enter the information requested for the following'],
  checkBoxesThatApply: ['Check Box(es) that Apply', 'Check Boxes that Apply'],
  promoter: ['Promoter'],
  beneficialOwner: ['Beneficial Owner'],
  executiveOfficer: ['Executive Officer'],
  director: ['Director'],
  generalPartner: ['General and/or Managing Partner', 'General and/or Managing'],
  fullName: ['Full Name (Last name first, if individual)', 'Full Name'],
  businessAddress: ['Business or Residence Address'],
  brokerDealer: ['Name of Associated Broker or Dealer'],
  statesSolicited: ['States in Which Person Listed Has Solicited'],
  allStates: ['All States'],

  // Part B.
  b1: ['Has the issuer sold, or does the issuer intend to sell, to non-accredited investors'],
  b2: ['What is the minimum investment that will be accepted from any individual'],
  b3: ['Does the offering permit joint ownership of a single unit'],
  b4: ['Enter the information requested for each person who has been or will be paid'],
  yes: ['Yes'],
  no: ['No'],

  // C.1.
  // Each question also by its opening words: OCR loses the end of a long line to a stamp or a fold.
  c1: [
    'Enter the aggregate offering price of securities included in this offering',
    'Enter the aggregate offering price',
  ],
  // C.1's column heads, for when the heading and the question are both garbled.
  c1Heads: ['Aggregate Offering Price', 'Amount Already Sold'],
  debt: ['Debt'],
  equity: ['Equity'],
  common: ['Common'],
  preferred: ['Preferred'],
  convertible: ['Convertible Securities (including warrants)', 'Convertible Securities'],
  partnership: ['Partnership Interests'],
  otherSecurity: ['Other (Specify', 'Other'],
  total: ['Total'],
  // C.2.
  c2: ['Enter the number of accredited and non-accredited investors'],
  // C.2's column heads, for when the question and the first row's label are both garbled.
  c2Heads: ['Aggregate Dollar Amount of Purchases', 'Number Investors'],
  accredited: ['Accredited investors', 'Accredited Investors'],
  nonAccredited: ['Non-accredited Investors', 'Non-Accredited Investors'],
  // C.3, read only to know where C.2 ends.
  c3: ['If this filing is for an offering under Rule 504 or 505'],
  // C.4.a.
  c4a: [
    'Furnish a statement of all expenses in connection with the issuance',
    'Furnish a statement of all expenses',
  ],
  transferAgent: ["Transfer Agent's Fees", 'Transfer Agents Fees', 'Transfer Agent Fees'],
  printing: ['Printing and Engraving Costs'],
  legal: ['Legal Fees'],
  accounting: ['Accounting Fees'],
  engineering: ['Engineering Fees'],
  salesCommissions: ["Sales Commissions (specify finders' fees separately)", 'Sales Commissions'],
  findersFees: ["Finders' Fees", 'Finders Fees', "Finder's Fees"],
  otherExpenses: ['Other Expenses'],
  // C.4.b.
  c4b: ['Enter the difference between the aggregate offering price'],
  // C.5.
  c5: [
    'Indicate below the amount of the adjusted gross proceeds to the issuer used',
    'Indicate below the amount of the adjusted gross proceeds',
  ],
  // C.5's column heads, printed bold, for when the question's small print is garbled.
  c5Heads: ['Payments To Others', 'Payments to Officers, Directors & Affiliates'],
  salaries: ['Salaries and fees'],
  realEstate: ['Purchase of real estate'],
  equipment: ['Purchase, rental or leasing and installation of machinery', 'machinery and equipment'],
  construction: ['Construction or leasing of plant buildings', 'Construction or leasing'],
  acquisition: ['Acquisition of other businesses'],
  debtRepayment: ['Repayment of indebtedness'],
  workingCapital: ['Working capital'],
  otherUse: ['Other (specify)', 'Other'],
  columnTotals: ['Column Totals'],
  totalPaymentsListed: ['Total Payments Listed (column totals added)', 'Total Payments Listed'],

  // Parts D and E.
  signatureIssuer: ['Issuer (Print or Type)'],
  signature: ['Signature'],
  date: ['Date'],
  signer: ['Name of Signer (Print or Type)', 'Name of Signer'],
  title: ['Title of Signer (Print or Type)', 'Title of Signer'],
  e1: ['presently subject to any of the disqualification provisions'],
  attention: ['Intentional misstatements or omissions of fact constitute federal criminal violations'],
} as const satisfies Record<string, Label>;

export type LabelName = keyof typeof LABELS;

/** Labels whose presence marks a document as a Form D. */
export const DISTINCTIVE: LabelName[] = [
  'nameOfOffering',
  'filingUnder',
  'nameOfIssuer',
  'executiveAddress',
  'businessOrganization',
  'checkBoxesThatApply',
  'b1',
  'c1',
  'c4a',
  'c5',
  'partC',
  'signer',
];
