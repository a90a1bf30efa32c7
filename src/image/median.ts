/** The middle value (the upper one of an even count); 0 for none. The values are not changed. */
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}
