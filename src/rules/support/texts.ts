import type { DocPath } from '../../model/positions.js';

type Key = string | number;

/**
 * Calls `visit` with every text value below a value and its path, lists and objects walked without recursion,
 * whatever their depth. The path is the walk's own, changed as it goes: copy it to keep it. Below a path for which
 * `skip` says so, nothing is visited.
 */
export function eachText(
  value: unknown,
  visit: (text: string, path: DocPath) => void,
  skip?: (path: DocPath) => boolean,
): void {
  if (typeof value === 'string') {
    visit(value, []);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const path: Key[] = [];
  const frames: Array<{ node: object; keys: string[] | undefined; i: number }> = [frame(value)];
  while (frames.length > 0) {
    const f = frames[frames.length - 1]!;
    const size = f.keys ? f.keys.length : (f.node as unknown[]).length;
    if (f.i >= size) {
      frames.pop();
      path.pop();
      continue;
    }
    const key: Key = f.keys ? f.keys[f.i]! : f.i;
    f.i++;
    const child = (f.node as Record<Key, unknown>)[key];
    path.push(key);
    if (typeof child === 'string') visit(child, path);
    else if (child !== null && typeof child === 'object' && !skip?.(path)) {
      frames.push(frame(child));
      continue;
    }
    path.pop();
  }
}

const frame = (node: object) => ({ node, keys: Array.isArray(node) ? undefined : Object.keys(node), i: 0 });
