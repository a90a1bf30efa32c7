export { type OcrPageOptions, type OcrResult, ocrPage, PSM } from './ocr-page.js';
export { MONEY_WHITELIST, type OcrRegionOptions, ocrRegion, type RegionResult } from './ocr-region.js';
export { closeSharedOcrPool, OcrPool, type OcrPoolOptions, type OsdResult, sharedOcrPool } from './pool.js';
