import { afterAll, describe, expect, it } from 'vitest';
import { ImageThreads } from '../src/image/image-threads.js';
import { evenPage, readPixels } from '../src/image/page-pixels.js';
import { quarterTurn } from '../src/image/quarter-turn.js';
import { FORM_LINES, rotateBy, speckle, textPage } from './image-fixtures.js';

const page = {
  ...(await rotateBy(await quarterTurn(speckle(textPage(FORM_LINES).image, 300), 180), 1.3)),
  dpi: 200,
};
const threads = new ImageThreads(2);
afterAll(() => threads.close());

describe('image threads', () => {
  it('clean a page on a thread exactly as this thread does', async () => {
    const here = await evenPage(page);
    const there = await threads.evenPage(page);
    expect(there.image.data.equals(here.image.data)).toBe(true);
    // The page is upside down: the ink profile is not sure of it, and OSD is to read it.
    expect(here.osd).not.toBeNull();
    expect(there.osd?.equals(here.osd ?? Buffer.alloc(0))).toBe(true);
    const pixels = await readPixels(page, here.image, null);
    const threaded = await threads.readPixels(page, there.image, null);
    expect(threaded.image.data.equals(pixels.image.data)).toBe(true);
    expect(threaded.forOcr.data.equals(pixels.forOcr.data)).toBe(true);
    const { image, forOcr, ...found } = threaded;
    expect(found).toEqual({
      info: pixels.info,
      boxes: pixels.boxes,
      combs: pixels.combs,
      rulings: pixels.rulings,
    });
    expect(found.info.rotation).toBe(180);
  });

  it('send no page to OSD that the ink profile is sure stands upright, nor one turned a quarter', async () => {
    const upright = { ...(await rotateBy(textPage(FORM_LINES).image, 1.3)), dpi: 200 };
    expect((await threads.evenPage(upright)).osd).toBeNull();
    expect((await evenPage(upright)).osd).toBeNull();
    const sideways = { ...(await quarterTurn(upright, 90)), dpi: 200 };
    expect((await threads.evenPage(sideways)).osd).not.toBeNull();
  });

  it('leave the page they were given as it was', async () => {
    const before = Buffer.from(page.data);
    await Promise.all([threads.evenPage(page), threads.evenPage(page), threads.evenPage(page)]);
    expect(page.data.equals(before)).toBe(true);
  });

  it('refuse work once closed', async () => {
    const closing = new ImageThreads(1);
    await closing.evenPage(page);
    await closing.close();
    await expect(closing.evenPage(page)).rejects.toThrow('closed');
  });
});
