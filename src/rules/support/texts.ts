import type { DocPath } from '../../model/positions.js';

/** Every text value below a value, with its path; lists and objects walked without recursion, whatever their depth. */
export function* texts(value: unknown): Generator<[DocPath, string]> {
  const stack: Array<[DocPath, unknown]> = [[[], value]];
  while (stack.length > 0) {
    const [path, v] = stack.pop()!;
    if (typeof v === 'string') yield [path, v];
    else if (Array.isArray(v)) for (const [i, x] of v.entries()) stack.push([[...path, i], x]);
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) stack.push([[...path, k], x]);
  }
}
