/** What the splitter hands on: a complete line, or the number of a line that was too long to keep. */
export type LineSink = {
  line(text: string, lineNo: number): void;
  tooLong(lineNo: number): void;
};

/**
 * Decoded text → lines, with a hard cap: a line longer than `maxLength` characters is reported as
 * soon as the cap is passed and its remainder is skipped without being kept, so a 10 MB "line"
 * costs no more memory than a normal one. `\n` ends a line; a `\r` before it is left for the
 * parser (which drops it). Blank lines are skipped, but counted.
 */
export class RegisterLineSplitter {
  private pending = '';
  private skipping = false;
  private lineNo = 0;
  /** Longest text kept between two chunks, to show in tests that memory stays bounded. */
  maxPendingLength = 0;

  constructor(
    private readonly maxLength: number,
    private readonly sink: LineSink,
  ) {}

  /** Number of the line the next character belongs to. */
  get currentLine(): number {
    return this.lineNo + 1;
  }

  push(text: string): void {
    let start = 0;
    for (;;) {
      const newline = text.indexOf('\n', start);
      if (newline === -1) break;
      this.lineNo++;
      if (this.skipping) {
        this.skipping = false;
      } else if (this.pending.length > 0) {
        const line = this.pending + text.slice(start, newline);
        this.pending = '';
        this.emit(line);
      } else {
        this.emit(text.slice(start, newline));
      }
      start = newline + 1;
    }
    if (this.skipping || start === text.length) return;
    const rest = text.length - start;
    if (this.pending.length + rest > this.maxLength) {
      // Longer than allowed before its end is even in sight: report now, keep nothing.
      this.pending = '';
      this.skipping = true;
      this.sink.tooLong(this.lineNo + 1);
      return;
    }
    this.pending = this.pending + text.slice(start);
    if (this.pending.length > this.maxPendingLength) this.maxPendingLength = this.pending.length;
  }

  /** The last line when the text does not end with a newline. */
  end(): void {
    if (this.skipping) return;
    if (this.pending.length > 0) {
      this.lineNo++;
      const line = this.pending;
      this.pending = '';
      this.emit(line);
    }
  }

  private emit(line: string): void {
    if (line.length > this.maxLength) {
      this.sink.tooLong(this.lineNo);
      return;
    }
    if (line.length === 0) return;
    const first = line.charCodeAt(0);
    if ((first === 13 || first === 32 || first === 9) && line.trim().length === 0) return;
    this.sink.line(line, this.lineNo);
  }
}
