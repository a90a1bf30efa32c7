import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

/**
 * Where the traineddata files live on disk. A local directory (not a URL) makes tesseract.js read
 * the file with fs and never fetch; `cacheMethod: 'none'` stops it writing copies to the cwd.
 */
export const ENG_LANG_PATH = join(packageDir('@tesseract.js-data/eng'), '4.0.0_best_int');
/** OSD needs the legacy engine, whose data is in the full (not best_int) build. */
export const OSD_LANG_PATH = join(packageDir('@tesseract.js-data/osd'), '4.0.0');

/** Fails early and clearly when the language data is missing, instead of tesseract.js trying a CDN. */
export function assertLanguageData(langPath: string, lang: string): void {
  const file = join(langPath, `${lang}.traineddata.gz`);
  if (!existsSync(file)) throw new Error(`tesseract language data missing: ${file}`);
}
