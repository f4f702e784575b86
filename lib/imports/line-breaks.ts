/**
 * Counts the line breaks (CRLF, CR or LF, each one break) in a text that arrives piece by piece, from
 * where the last count stopped up to a given position: the CSV reader numbers each record's line from
 * the file's own text, finding one break after another, rather than searching every cell of every
 * record for one (on a 100k-row file that search was one of the costliest parts of reading it).
 */
export class LineBreaks {
  /**
   * The pieces not yet counted past, and where each begins in the whole text. Kept apart rather
   * than joined: a joined string is a rope, and reading characters from one is slow.
   */
  private readonly pieces: string[] = [];
  private readonly starts: number[] = [];
  /** The length of the whole text so far. */
  private length = 0;
  /** Counted up to here (in the whole text). */
  private at = 0;
  /** Where the next CR and LF at or after `at` are; Infinity when the pieces hold none; -1 when not looked for yet. */
  private cr = -1;
  private lf = -1;

  /** The next piece of the text. */
  append(piece: string): void {
    while (this.pieces.length > 0 && this.starts[0]! + this.pieces[0]!.length <= this.at) {
      this.pieces.shift();
      this.starts.shift();
    }
    this.pieces.push(piece);
    this.starts.push(this.length);
    this.length += piece.length;
    // A break not found before may be in the new piece.
    if (this.cr === Infinity) this.cr = -1;
    if (this.lf === Infinity) this.lf = -1;
  }

  /**
   * The breaks from where the last count stopped up to `to` (exclusive), counted in that stretch
   * alone as /\r\n|\r|\n/g counts them: a CR just before `to` is one break even if an LF follows.
   */
  countTo(to: number): number {
    let n = 0;
    for (;;) {
      if (this.cr !== Infinity && this.cr < this.at) this.cr = this.find('\r');
      if (this.lf !== Infinity && this.lf < this.at) this.lf = this.find('\n');
      const next = Math.min(this.cr, this.lf);
      if (next >= to) break;
      n += 1;
      this.at = next === this.cr && this.lf === next + 1 && next + 1 < to ? next + 2 : next + 1;
    }
    this.at = to;
    return n;
  }

  /** Whether the text not yet counted past ends at `to` with `s`. */
  endsWith(s: string, to: number): boolean {
    const from = to - s.length;
    if (from < this.at) return false;
    for (let i = 0; i < s.length; i++) if (this.charCodeAt(from + i) !== s.charCodeAt(i)) return false;
    return true;
  }

  private charCodeAt(position: number): number {
    for (let i = this.pieces.length - 1; i >= 0; i--) {
      if (position >= this.starts[i]!) return this.pieces[i]!.charCodeAt(position - this.starts[i]!);
    }
    return NaN;
  }

  /** Where the first `char` at or after `at` is, or Infinity. */
  private find(char: string): number {
    for (let i = 0; i < this.pieces.length; i++) {
      const piece = this.pieces[i]!;
      const start = this.starts[i]!;
      if (start + piece.length <= this.at) continue;
      const found = piece.indexOf(char, Math.max(0, this.at - start));
      if (found !== -1) return start + found;
    }
    return Infinity;
  }
}
