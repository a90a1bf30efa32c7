/** ITU-R BT.601 luma in integers: what scanners and tesseract use for gray. */
function luma(r: number, g: number, b: number): number {
  return (r * 299 + g * 587 + b * 114 + 500) / 1000;
}

/** Interleaved RGB or RGBA bytes to one gray byte a pixel; alpha is composited on white. */
export function colourToGray(src: Uint8Array | Uint8ClampedArray, pixels: number, channels: 3 | 4): Buffer {
  const out = Buffer.allocUnsafe(pixels);
  for (let i = 0, s = 0; i < pixels; i++, s += channels) {
    const y = luma(src[s] ?? 0, src[s + 1] ?? 0, src[s + 2] ?? 0);
    if (channels === 4) {
      const a = (src[s + 3] ?? 255) / 255;
      out[i] = y * a + 255 * (1 - a);
    } else {
      out[i] = y;
    }
  }
  return out;
}

/** Packed 1-bit rows (each row padded to a byte) to gray; `oneIsWhite` follows the source's decode. */
export function bitsToGray(
  src: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  oneIsWhite: boolean,
): Buffer {
  const out = Buffer.allocUnsafe(width * height);
  const rowBytes = (width + 7) >> 3;
  const one = oneIsWhite ? 255 : 0;
  const zero = 255 - one;
  for (let y = 0; y < height; y++) {
    const row = y * rowBytes;
    const o = y * width;
    for (let x = 0; x < width; x++) {
      const byte = src[row + (x >> 3)] ?? 0xff;
      out[o + x] = byte & (0x80 >> (x & 7)) ? one : zero;
    }
  }
  return out;
}
