/**
 * Spots repeated person ids while an import streams, without keeping the ids: each id is reduced to
 * two independent 32-bit hashes in an open-addressing table (12 bytes per slot, at most half full,
 * so about 24 bytes per resident: 24 MB for a million). A hit is only a candidate; the import confirms
 * candidates against the stored rows, so a hash collision never rejects a record.
 */
export class PersonIdSet {
  private first = new Int32Array(1 << 16);
  private second = new Int32Array(1 << 16);
  /** Line of the first record with the hashes; 0 marks an empty slot (lines start at 2). */
  private lines = new Int32Array(1 << 16);
  private size = 0;

  /** Adds the id; returns the line of an earlier record with the same hashes, or 0. */
  add(personId: string, line: number): number {
    hashPersonId(personId, scratch, 0);
    return this.addHashed(scratch[0]!, scratch[1]!, line);
  }

  /** Adds an id by its two hashes (`hashPersonId`, computed where the line was parsed). */
  addHashed(a: number, b: number, line: number): number {
    const mask = this.lines.length - 1;
    let slot = (a ^ (a >>> 16)) & mask;
    for (;;) {
      const stored = this.lines[slot]!;
      if (stored === 0) break;
      if (this.first[slot] === a && this.second[slot] === b) return stored;
      slot = (slot + 1) & mask;
    }
    this.first[slot] = a;
    this.second[slot] = b;
    this.lines[slot] = line;
    if (++this.size * 2 > this.lines.length) this.grow();
    return 0;
  }

  private grow(): void {
    const [first, second, lines] = [this.first, this.second, this.lines];
    const capacity = lines.length * 2;
    this.first = new Int32Array(capacity);
    this.second = new Int32Array(capacity);
    this.lines = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] === 0) continue;
      const a = first[i]!;
      let slot = (a ^ (a >>> 16)) & mask;
      while (this.lines[slot] !== 0) slot = (slot + 1) & mask;
      this.first[slot] = a;
      this.second[slot] = second[i]!;
      this.lines[slot] = lines[i]!;
    }
  }
}

const scratch = new Int32Array(2);

/** Writes the id's two independent 32-bit hashes to `out[at]` and `out[at + 1]`. */
export function hashPersonId(personId: string, out: Int32Array, at: number): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < personId.length; i++) {
    const c = personId.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  out[at] = a;
  out[at + 1] = b;
}
