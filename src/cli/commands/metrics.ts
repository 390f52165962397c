import type { CommandIO } from '../io.js';
export async function runMetrics(_a: string[], _r: string, io: CommandIO): Promise<number> { io.err('todo'); return 2; }
