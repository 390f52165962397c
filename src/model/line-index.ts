import { LineCounter } from 'yaml';
import type { Position } from './positions.js';

/**
 * Turns character offsets into 1-based line and column; CRLF and LF both end a line. yaml's LineCounter does the
 * search.
 */
export class LineIndex {
  private readonly counter = new LineCounter();

  constructor(text: string) {
    this.counter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.counter.addNewLine(i + 1);
  }

  position(offset: number): Position {
    const { line, col } = this.counter.linePos(offset);
    return { line, column: col };
  }
}
