/** The queue's stages as the pipeline (src/pipeline) provides them: the same functions the CLI runs. */
import { basename } from 'node:path';
import { encodePng } from '../image/png.js';
import { countPages, readPage, readPdfText } from '../ingest/pages/index.js';
import { finishRecord } from '../pipeline/finish-record.js';
import { type PageResult, processPageImage } from '../pipeline/page-stage.js';
import { processDocument } from '../pipeline/process-document.js';
import { assembleScannedFiling } from '../pipeline/scanned-filing.js';
import { writePageImage } from '../store/index.js';
import type { QueueStages } from './stages.js';

export const pipelineStages: QueueStages = {
  async countPages(bytes, kind, file) {
    if (kind === 'text') return 0;
    // A PDF with a real text layer is read whole, as in process: no OCR, so no page jobs.
    if (kind === 'pdf' && (await readPdfText(bytes, { fileName: file })).substantial) return 0;
    return countPages(bytes, kind, { fileName: file });
  },
  processWhole: (bytes, file, options) => processDocument(bytes, file, options),
  async processPage(bytes, kind, pageNumber, context) {
    const page = await readPage(bytes, kind, pageNumber, { fileName: context.file });
    const { result, image } = await processPageImage(page);
    await writePageImage(context.dataDir, context.id, pageNumber, await encodePng(image));
    return result;
  },
  async assemble(id, file, kind, pages, options) {
    const { record, doubtful } = assembleScannedFiling(id, basename(file), kind, pages as PageResult[]);
    return finishRecord(record, doubtful, options);
  },
};
