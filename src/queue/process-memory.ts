/** The resident memory of this process and its children (the page sandboxes), for recycling. */
import { readFileSync } from 'node:fs';

/** Bytes; on Linux the whole process tree from /proc, elsewhere this process alone. */
export function processTreeRss(pid: number = process.pid): number {
  try {
    return treeRss(pid);
  } catch {
    return process.memoryUsage().rss;
  }
}

function treeRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  let total = kb * 1024;
  for (const child of childPids(pid)) {
    try {
      total += treeRss(child);
    } catch {
      // A child that exited while we looked holds no memory.
    }
  }
  return total;
}

/** The direct children of a process (Linux); none where /proc is not there. */
export function childPids(pid: number = process.pid): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
