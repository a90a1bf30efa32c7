/** The seed transcription, and helpers to rewrite it and parse the result, for the parse tests. */
import { readFileSync } from 'node:fs';
import { processDocument } from '../src/pipeline/process-document.js';
import { type FormDRecordJson, recordToJson } from '../src/record/schema.js';

export const SEED_PATH = 'fixtures/text/qualys-2003-formd.txt';
export const seedText = (): string => readFileSync(SEED_PATH, 'utf8');

export const HTML_CHECKED = '<input checked="" type="checkbox"/>';
export const HTML_UNCHECKED = '<input type="checkbox"/>';

/** The seed with every check mark (it mixes ☒/☐ and HTML inputs) written in one style. */
export function withMarks(text: string, checked: string, unchecked: string): string {
  return text
    .split(HTML_CHECKED)
    .join('☒')
    .split(HTML_UNCHECKED)
    .join('☐')
    .split('☒')
    .join(checked)
    .split('☐')
    .join(unchecked);
}

/** A transcription through the whole pipeline, in the contract's JSON form. */
export async function parseText(text: string, file = 'filing.txt'): Promise<FormDRecordJson> {
  return recordToJson.parse(await processDocument(Buffer.from(text, 'utf8'), file));
}

/** What a filing says, without what depends on its bytes (id, file name) or where values were read. */
export function values(json: FormDRecordJson) {
  const { id: _id, fields: _fields, source: _source, ...rest } = json;
  return rest;
}

/**
 * A consistent filing (no rule fires) typed in another style than the seed: labels and values on
 * the same line, "[X]" boxes, tables without dot leaders. Made up for the tests.
 */
export const ACME = `FORM D
NOTICE OF SALE OF SECURITIES PURSUANT TO REGULATION D, SECTION 4(6), AND/OR UNIFORM LIMITED OFFERING EXEMPTION

Name of Offering: Series A Common Stock
Filing Under (Check box(es) that apply): [ ] Rule 504  [ ] Rule 505  [X] Rule 506  [ ] Section 4(6)  [ ] ULOE
Type of Filing: [X] New Filing  [ ] Amendment

A. BASIC IDENTIFICATION DATA
1. Enter the information requested about the issuer
Name of Issuer: Acme Corp
Address of Executive Offices (Number and Street, City, State, Zip Code): 100 Main Street, Springfield, IL 62701
Telephone Number (Including Area Code): (217) 555-0100
Brief Description of Business: Maker of anvils and rocket skates
Type of Business Organization: [X] corporation  [ ] limited partnership, already formed  [ ] business trust  [ ] limited partnership, to be formed  [ ] other (please specify)
Actual or Estimated Date of Incorporation or Organization: Month 05 Year 1998 [X] Actual [ ] Estimated
Jurisdiction of Incorporation or Organization: IL

A. BASIC IDENTIFICATION DATA
2. Enter the information requested for the following:
Check Box(es) that Apply: [ ] Promoter [X] Beneficial Owner [X] Executive Officer [X] Director [ ] General and/or Managing Partner
Full Name (Last name first, if individual): Coyote, Wile E.
Business or Residence Address (Number and Street, City, State, Zip Code): 100 Main Street, Springfield, IL 62701
Check Box(es) that Apply: [ ] Promoter [ ] Beneficial Owner [ ] Executive Officer [X] Director [ ] General and/or Managing Partner
Full Name (Last name first, if individual): Runner, Road
Business or Residence Address (Number and Street, City, State, Zip Code): 1 Desert Road, Tucson, AZ 85701

B. INFORMATION ABOUT OFFERING
1. Has the issuer sold, or does the issuer intend to sell, to non-accredited investors in this offering? [ ] Yes [X] No
2. What is the minimum investment that will be accepted from any individual? $ 25,000
3. Does the offering permit joint ownership of a single unit? [X] Yes [ ] No
4. Enter the information requested for each person who has been or will be paid or given, directly or indirectly, any commission or similar remuneration for solicitation of purchasers.
Full Name (Last name first, if individual): N/A

C. OFFERING PRICE, NUMBER OF INVESTORS, EXPENSES AND USE OF PROCEEDS
1. Enter the aggregate offering price of securities included in this offering and the total amount already sold.
Type of Security    Aggregate Offering Price    Amount Already Sold
Debt    $ 0    $ 0
Equity    $ 1,000,000.00    $ 750,000.00
    [X] Common [ ] Preferred
Convertible Securities (including warrants)    $ 0    $ 0
Partnership Interests    $ 0    $ 0
Other (Specify)    $ 0    $ 0
Total    $ 1,000,000.00    $ 750,000.00
2. Enter the number of accredited and non-accredited investors who have purchased securities in this offering and the aggregate dollar amounts of their purchases.
Accredited Investors    12    $ 750,000.00
Non-accredited Investors    0    $ 0
3. If this filing is for an offering under Rule 504 or 505, enter the information requested for all securities sold.
4. a. Furnish a statement of all expenses in connection with the issuance and distribution of the securities in this offering.
Transfer Agent's Fees    [ ] $ 0
Printing and Engraving Costs    [ ] $ 0
Legal Fees    [X] $ 20,000.00
Accounting Fees    [ ] $ 5,000.00
Engineering Fees    [ ] $ 0
Sales Commissions (specify finders' fees separately)    [ ] $ 0
Other Expenses (identify)    [ ] $ 0
Total    [X] $ 25,000.00
b. Enter the difference between the aggregate offering price given in response to Part C - Question 1 and total expenses furnished in response to Part C - Question 4.a.    $ 975,000.00
5. Indicate below the amount of the adjusted gross proceeds to the issuer used or proposed to be used for each of the purposes shown.
    Payments to Officers, Directors & Affiliates    Payments To Others
Salaries and fees    [ ] $ 100,000.00    [ ] $ 0
Purchase of real estate    [ ] $ 0    [ ] $ 0
Purchase, rental or leasing and installation of machinery and equipment    [ ] $ 0    [ ] $ 0
Construction or leasing of plant buildings and facilities    [ ] $ 0    [ ] $ 0
Acquisition of other businesses    [ ] $ 0    [ ] $ 0
Repayment of indebtedness    [ ] $ 0    [ ] $ 0
Working capital    [ ] $ 0    [X] $ 875,000.00
Other (specify)    [ ] $ 0    [ ] $ 0
Column Totals    [ ] $ 100,000.00    [X] $ 875,000.00
Total Payments Listed (column totals added)    [X] $ 975,000.00

D. FEDERAL SIGNATURE
Issuer (Print or Type): Acme Corp    Signature:    Date: 11-28-2003
Name of Signer (Print or Type): Jane Doe    Title of Signer (Print or Type): President

E. STATE SIGNATURE
1. Is any party described in 17 CFR 230.262 presently subject to any of the disqualification provisions of such rule? [ ] Yes [X] No
`;
