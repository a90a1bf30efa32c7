import type { CheckBox } from '../image/check-boxes.js';
import { mendDottedZeros } from '../image/dotted-zeros.js';
import { type ImageThreads, sharedImageThreads } from '../image/image-threads.js';
import { osdImage, readOsd } from '../image/orientation.js';
import type { PagePixels } from '../image/page-pixels.js';
import type { QuarterTurn } from '../image/quarter-turn.js';
import { withoutRulesThroughText } from '../image/ruling-lines.js';
import type { TextLine } from '../ingest/lines.js';
import type { PageImage } from '../ingest/pages/page-image.js';
import { type OcrResult, ocrPage } from '../ocr/ocr-page.js';
import { type OcrPool, sharedOcrPool } from '../ocr/pool.js';
import { withoutShadowFigures } from '../ocr/shadow-readings.js';
import { withoutStackedReadings } from '../ocr/stacked-readings.js';
import { layoutLines } from '../parse/layout-lines.js';
import { signsReadAsFigures } from '../parse/one-glyph-signs.js';
import type { PageInfo } from '../record/schema.js';
import { readEmptyCells } from './read-empty-cells.js';
import { readMissedInk } from './read-missed-ink.js';
import { readTypedOverPrint } from './read-typed-over-print.js';
import { rereadCombs } from './reread-combs.js';
import { rereadMoney } from './reread-money.js';
import { readStateGrid } from './state-grid.js';

/** What one page gives the parser: plain JSON, so a queue can carry it between processes. */
export interface PageResult {
  info: PageInfo;
  lines: TextLine[];
  boxes: CheckBox[];
  meanConfidence: number;
}

export interface PageStageOptions {
  pool?: OcrPool;
  /** The threads that do the pixel work; the process's shared ones when absent. */
  threads?: ImageThreads;
}

/**
 * One scanned page: clean it, find its check boxes and printed rules in the pixels, erase what
 * OCR misreads (dot leaders, box outlines), OCR it, read apart a value typed into the print above
 * it that OCR ran together with it, read the combs of typed-in fields and unsure amounts again
 * with only what they may hold allowed, put back the zeros typed with a dot that OCR read as 6, 8
 * or 9 (or as letters), read the marks on a states grid, and lay its words out as lines. The
 * pixel work runs on an image thread, so the pages of filings read side by side are cleaned on as
 * many cores.
 * Returns the cleaned image too: it is the raster every bbox refers to.
 */
export async function processPageImage(
  page: PageImage,
  options: PageStageOptions = {},
): Promise<{ result: PageResult; image: PageImage }> {
  const pool = options.pool ?? sharedOcrPool();
  const threads = options.threads ?? sharedImageThreads();
  let read = await readPage(page, pool, threads, null);
  // A page OCR reads this badly may be upside down, the way OSD and the ink profile can miss on a
  // faint or thresholded scan: the turn that reads with more confidence is the page. A page the
  // ink profile was sure stood upright (so OSD did not read it) mostly reads badly for its damage,
  // not its turn, and is read again only where OSD, reading it now, says it is turned: the profile
  // can be sure of a first page upside down, its bold capitals' underlines taken for tops.
  if (read.ocr.meanConfidence < DOUBT_ORIENTATION_BELOW) {
    const further = read.surelyUpright ? await readOsd(await osdImage(read.pixels.image), pool) : 180;
    if (further !== null && further !== 0) {
      const turned = ((read.pixels.info.rotation + further) % 360) as QuarterTurn;
      const again = await readPage(page, pool, threads, turned);
      if (again.ocr.meanConfidence > read.ocr.meanConfidence) read = again;
    }
  }
  return { result: await readAfterOcr(read.pixels, read.ocr, pool), image: read.pixels.image };
}

/**
 * The page stage after the page's OCR: a second reading OCR made of an amount's ink is dropped, and
 * a reading down a column of cells; what OCR ran together, missed or misread is read again from
 * the page's pixels, the states grid's marks are read, and the words are laid out as lines.
 */
export async function readAfterOcr(pixels: PagePixels, ocr: OcrResult, pool: OcrPool): Promise<PageResult> {
  const { image, info, boxes, combs, rulings, forOcr } = pixels;
  const apart = await readTypedOverPrint(
    forOcr,
    withoutShadowFigures(withoutStackedReadings(ocr.words)),
    pool,
  );
  const seen = await readMissedInk(forOcr, apart, boxes, pool);
  const filled = await readEmptyCells(forOcr, seen, boxes, pool, image);
  // Combs after amounts: a comb's figures read unsurely look like an amount to read again.
  const amounts = await rereadMoney(forOcr, filled, pool, image);
  const combed = await rereadCombs(forOcr, amounts, combs, pool);
  const grid = readStateGrid(image, signsReadAsFigures(mendDottedZeros(image, combed)), boxes);
  const lines = layoutLines(grid.words, grid.boxes, withoutRulesThroughText(rulings, grid.words), info.page);
  return { info, lines, boxes: grid.boxes, meanConfidence: ocr.meanConfidence };
}

/** Below this mean word confidence a page is read again turned half round. */
const DOUBT_ORIENTATION_BELOW = 0.6;

/**
 * The page's pixel work on an image thread, turned as OSD says (or as `turn` forces), then OCR of
 * the page with what it misreads erased.
 */
async function readPage(
  page: PageImage,
  pool: OcrPool,
  threads: ImageThreads,
  turn: QuarterTurn | null,
): Promise<{ pixels: PagePixels; ocr: OcrResult; surelyUpright: boolean }> {
  const even = await threads.evenPage(page);
  // A page the ink profile is sure stands upright needs no OSD.
  const surelyUpright = turn === null && even.osd === null;
  const osd = turn ?? (even.osd === null ? 0 : await readOsd(even.osd, pool));
  const pixels = await threads.readPixels(page, even.image, osd);
  const ocr = await ocrPage(pixels.forOcr, { pool });
  return { pixels, ocr, surelyUpright };
}
