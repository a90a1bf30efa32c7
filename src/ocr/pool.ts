import { availableParallelism } from 'node:os';
import Tesseract from 'tesseract.js';
import { TransientError } from '../errors.js';
import { closeSharedImageThreads } from '../image/image-threads.js';
import { assertLanguageData, ENG_LANG_PATH, OSD_LANG_PATH } from './tesseract-data.js';

const { createWorker, OEM } = Tesseract;

export type OcrWorker = Tesseract.Worker;

export interface OcrPoolOptions {
  /** Workers that run at once; defaults to the machine's cores. */
  size?: number;
  /**
   * Pages a worker reads before it is replaced, to give back the memory WebAssembly never returns
   * (regions read again count as their share of a page).
   */
  recycleAfter?: number;
  /** A job that takes longer than this is abandoned and its worker replaced. */
  timeoutMs?: number;
  /** Directory holding eng.traineddata.gz. */
  langPath?: string;
  /**
   * Legacy-engine workers for orientation detection (default 1): OSD is a fifth of a page's time,
   * so two lanes seldom wait on one worker, and each more costs ~150 MB.
   */
  osdSize?: number;
}

interface Slot {
  worker: OcrWorker;
  jobs: number;
}

interface OsdSlot {
  worker: Promise<OcrWorker>;
}

interface Waiter {
  resolve: (slot: Slot) => void;
  reject: (error: Error) => void;
}

/** What tesseract's orientation and script detection says: the clockwise turn that puts the page upright. */
export interface OsdResult {
  degrees: 0 | 90 | 180 | 270;
  confidence: number;
}

/**
 * A fixed number of tesseract.js workers (LSTM only, English data from node_modules) shared by
 * every OCR call in a process. Jobs wait for a free worker; workers are recycled after N jobs.
 */
export class OcrPool {
  readonly size: number;
  readonly recycleAfter: number;
  readonly timeoutMs: number;
  readonly langPath: string;
  readonly osdSize: number;
  #idle: Slot[] = [];
  #live = 0;
  #waiting: Waiter[] = [];
  #closed = false;
  /** Workers being stopped: a new one waits for them. */
  #ending = new Set<Promise<void>>();
  /** OSD workers started (their promises), the idle ones, and the jobs waiting for one. */
  #osd: OsdSlot[] = [];
  #osdIdle: OsdSlot[] = [];
  #osdWaiting: Array<{ resolve: (slot: OsdSlot) => void; reject: (error: Error) => void }> = [];

  constructor(options: OcrPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.recycleAfter = Math.max(1, options.recycleAfter ?? 50);
    this.timeoutMs = options.timeoutMs ?? 180_000;
    this.langPath = options.langPath ?? ENG_LANG_PATH;
    this.osdSize = Math.max(1, options.osdSize ?? 1);
    assertLanguageData(this.langPath, 'eng');
  }

  /**
   * Runs one job on a free worker; a worker whose job failed or timed out is replaced. `pages` is
   * how much of the worker's quota the job uses: a whole page is 1, a region read again its share
   * of a page, so the many small rereads of a page do not wear a worker out as pages do.
   */
  async run<T>(job: (worker: OcrWorker) => Promise<T>, pages = 1): Promise<T> {
    const slot = await this.#acquire();
    let healthy = true;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new TransientError('OCR took too long', 'Try the file again.')),
          this.timeoutMs,
        );
      });
      return await Promise.race([job(slot.worker), timeout]);
    } catch (error) {
      healthy = false;
      throw typeof error === 'string' ? new Error(`tesseract: ${error}`) : error;
    } finally {
      clearTimeout(timer);
      slot.jobs += pages;
      this.#release(slot, healthy);
    }
  }

  /** Orientation from tesseract's OSD (legacy engine, `osdSize` workers); null when it cannot tell. */
  async detectOrientation(image: Buffer): Promise<OsdResult | null> {
    if (this.#closed) throw new Error('the OCR pool is closed');
    const slot = await this.#acquireOsd();
    try {
      const { data } = await (await slot.worker).detect(image);
      const degrees = data.orientation_degrees;
      if (degrees !== 0 && degrees !== 90 && degrees !== 180 && degrees !== 270) return null;
      return { degrees: degrees as OsdResult['degrees'], confidence: data.orientation_confidence ?? 0 };
    } finally {
      this.#releaseOsd(slot);
    }
  }

  #acquireOsd(): Promise<OsdSlot> {
    if (this.#closed) return Promise.reject(new Error('the OCR pool is closed'));
    const idle = this.#osdIdle.pop();
    if (idle) return Promise.resolve(idle);
    if (this.#osd.length < this.osdSize) {
      // A PGM carries no resolution: without one tesseract warns on every page ("Invalid resolution 0 dpi").
      const worker = spawn('osd', OEM.TESSERACT_ONLY, OSD_LANG_PATH, true).then(async (w) => {
        await w.setParameters({ user_defined_dpi: '300' });
        return w;
      });
      const slot: OsdSlot = { worker };
      // A worker that could not start is forgotten, so the next page tries a fresh one.
      worker.catch(() => {
        this.#osd = this.#osd.filter((s) => s !== slot);
        this.#osdIdle = this.#osdIdle.filter((s) => s !== slot);
      });
      this.#osd.push(slot);
      return Promise.resolve(slot);
    }
    return new Promise((resolve, reject) => this.#osdWaiting.push({ resolve, reject }));
  }

  #releaseOsd(slot: OsdSlot): void {
    // A worker that could not start was forgotten, and the pool may have closed meanwhile.
    if (this.#closed || !this.#osd.includes(slot)) {
      const waiter = this.#osdWaiting.shift();
      if (waiter) this.#acquireOsd().then(waiter.resolve, waiter.reject);
      return;
    }
    const waiter = this.#osdWaiting.shift();
    if (waiter) waiter.resolve(slot);
    else this.#osdIdle.push(slot);
  }

  /** Stops every worker; jobs still waiting are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const waiter of this.#waiting.splice(0)) waiter.reject(new Error('the OCR pool is closed'));
    const idle = this.#idle.splice(0);
    this.#live -= idle.length;
    const osd = this.#osd.splice(0);
    this.#osdIdle = [];
    for (const waiter of this.#osdWaiting.splice(0)) waiter.reject(new Error('the OCR pool is closed'));
    await Promise.all([
      ...idle.map((slot) => slot.worker.terminate()),
      ...osd.map((slot) => slot.worker.then((w) => w.terminate()).catch(() => undefined)),
    ]);
  }

  async #acquire(): Promise<Slot> {
    if (this.#closed) throw new Error('the OCR pool is closed');
    const slot = this.#idle.pop();
    if (slot) return slot;
    if (this.#live < this.size) return this.#spawnSlot();
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  async #spawnSlot(): Promise<Slot> {
    this.#live++;
    try {
      await Promise.all(this.#ending);
      return { worker: await spawn('eng', OEM.LSTM_ONLY, this.langPath, false), jobs: 0 };
    } catch (error) {
      this.#live--;
      throw error;
    }
  }

  #release(slot: Slot, healthy: boolean): void {
    if (this.#closed || !healthy || slot.jobs >= this.recycleAfter) {
      this.#live--;
      // The replacement starts once this worker's memory is given back: two at once would hold
      // twice a worker's memory at the peak.
      const ended = slot.worker.terminate().then(
        () => undefined,
        () => undefined,
      );
      this.#ending.add(ended);
      void ended.then(() => this.#ending.delete(ended));
      if (this.#closed) return;
      const waiter = this.#waiting.shift();
      if (waiter) this.#spawnSlot().then(waiter.resolve, waiter.reject);
      return;
    }
    const waiter = this.#waiting.shift();
    if (waiter) waiter.resolve(slot);
    else this.#idle.push(slot);
  }
}

async function spawn(
  lang: string,
  oem: Tesseract.OEM,
  langPath: string,
  legacy: boolean,
): Promise<OcrWorker> {
  assertLanguageData(langPath, lang);
  try {
    return await createWorker(lang, oem, {
      langPath,
      gzip: true,
      cacheMethod: 'none',
      legacyCore: legacy,
      legacyLang: legacy,
      // Without a handler tesseract.js rethrows a failed job inside its message listener, killing the process.
      errorHandler: () => undefined,
      logger: () => undefined,
    });
  } catch (error) {
    throw new TransientError(
      `tesseract could not start (${String(error)})`,
      'Check that tesseract.js is installed.',
    );
  }
}

let shared: OcrPool | undefined;

/** The process's pool, made on first use; stages use it unless they are given one. */
export function sharedOcrPool(): OcrPool {
  shared ??= new OcrPool();
  return shared;
}

/** Closes the shared pool, and the image threads the page stage shares with it. */
export async function closeSharedOcrPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await Promise.all([pool?.close(), closeSharedImageThreads()]);
}
