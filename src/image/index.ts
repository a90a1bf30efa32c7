export { type CleanedPage, type CleanPageOptions, cleanPage } from './clean-page.js';
export { cropImage } from './crop.js';
export { estimateSkew, MAX_SKEW, rotateLevel } from './deskew.js';
export { type DespeckleOptions, despeckle } from './despeckle.js';
export { bitsToGray, colourToGray } from './grayscale.js';
export { normaliseContrast } from './normalise.js';
export { linesRunAcross, looksUpsideDown, osdRotation } from './orientation.js';
export { type QuarterTurn, quarterTurn } from './quarter-turn.js';
