/** The queue's stages as the pipeline (src/pipeline) provides them. */

import { UnsupportedFileError } from '../errors.js';
import { processDocument } from '../pipeline/process-document.js';
import type { QueueStages } from './stages.js';

export const pipelineStages: QueueStages = {
  // The pipeline has no page-by-page entry yet: every filing is read whole, by the parent job.
  countPages: async () => 0,
  processWhole: (bytes, file, options) => processDocument(bytes, file, options),
  processPage: async (_bytes, kind, _page, context) => {
    throw new UnsupportedFileError(`${kind} pages are read whole by this version`, context.file);
  },
  assemble: async (_id, file, kind) => {
    throw new UnsupportedFileError(`${kind} pages are read whole by this version`, file);
  },
};
