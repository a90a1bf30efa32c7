/** Dotted JSON paths into a record (`offering.useOfProceeds.totalPaymentsListed`, `relatedPersons.3.name`). */

export function getPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (node == null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Sets the value at an existing path; throws when the path does not lead into the record. */
export function setPath(root: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop();
  const parent = keys.length ? getPath(root, keys.join('.')) : root;
  if (last === undefined || parent == null || typeof parent !== 'object' || !(last in parent)) {
    throw new Error(`no such path in the record: ${path}`);
  }
  (parent as Record<string, unknown>)[last] = value;
}

/** Every leaf (non-object, non-array value, including null) with its path, in document order. */
export function leafPaths(root: unknown, prefix = ''): Array<[string, unknown]> {
  if (root === null || typeof root !== 'object') return prefix ? [[prefix, root]] : [];
  const out: Array<[string, unknown]> = [];
  const entries = Array.isArray(root) ? root.map((v, i) => [String(i), v] as const) : Object.entries(root);
  for (const [key, value] of entries) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !(Array.isArray(value) && value.length === 0)) {
      out.push(...leafPaths(value, path));
    } else {
      out.push([path, value]);
    }
  }
  return out;
}
