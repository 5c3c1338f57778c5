import { ByteTable } from './byte-table';
import { canaryName, type CanaryReason } from './canary';
import { detached } from './detached';
import { normalizeDomain, type NormalizedDomain } from './domain';

/**
 * Numbers the distinct domains of a merge. The CLI's merge shares one table between the parser and
 * the merge, so each row's domain is looked up once — a lookup is most of what a row costs when
 * twenty lists of 20 000 rows name the same few tens of thousands of domains — and every later
 * step goes by number. Names are kept as copies, never as slices of the text they were read from.
 */
export class DomainTable {
  readonly #ids = new Map<string, number>();
  readonly #names: string[] = [];
  /** What the name alone says, worked out once per domain however many rows name it. */
  readonly #normalized: Array<NormalizedDomain | undefined> = [];
  readonly #canary: Array<CanaryReason | null | undefined> = [];
  /** Per number: 0 not yet known, 1 plain (the name is its own stored, display and only form, and no canary), 2 not. */
  #plain = new Uint8Array(1024);
  /** The names as UTF-8 bytes, same numbers (built only once a caller looks up by bytes). */
  #bytes: ByteTable | null = null;
  #scratch: Buffer | null = null;

  /**
   * The domain's number, numbering it when it is new. `own`: the caller made the string itself (it
   * is cut from no larger text), so it is kept as it is instead of copied.
   */
  id(domain: string, own = false): number {
    let id = this.#ids.get(domain);
    if (id === undefined) {
      id = this.#names.length;
      const name = own ? domain : detached(domain);
      this.#names.push(name);
      this.#ids.set(name, id);
    }
    return id;
  }

  /** The domain's number, or -1 when it has none. */
  find(domain: string): number {
    return this.#ids.get(domain) ?? -1;
  }

  /** The number of the domain spelled by bytes[start, end) (UTF-8), or -1 when it has none. */
  findBytes(bytes: Uint8Array, start: number, end: number): number {
    const table = (this.#bytes ??= new ByteTable());
    if (table.size < this.#names.length) this.#index(table);
    return table.find(bytes, start, end);
  }

  #index(table: ByteTable) {
    const scratch = (this.#scratch ??= Buffer.allocUnsafe(1024));
    for (let id = table.size; id < this.#names.length; id += 1) {
      const name = this.#names[id]!;
      if (name.length * 3 <= scratch.length) table.add(scratch, 0, scratch.write(name, 0, 'utf8'));
      else {
        const bytes = Buffer.from(name, 'utf8');
        table.add(bytes, 0, bytes.length);
      }
    }
  }

  name(id: number): string {
    return this.#names[id]!;
  }

  /** normalizeDomain of the domain's name (a pure function of it, so worked out once). */
  normalized(id: number): NormalizedDomain {
    return (this.#normalized[id] ??= normalizeDomain(this.#names[id]!));
  }

  /** canaryName of the domain's name, worked out once. */
  canary(id: number): CanaryReason | null {
    let reason = this.#canary[id];
    if (reason === undefined) this.#canary[id] = reason = canaryName(this.#names[id]!);
    return reason;
  }

  /**
   * The name needs nothing worked out: normalizeDomain gives it back as it is (stored and display
   * form alike, no note) and it is no canary. One byte per domain, so a row costs no look at the
   * per-domain objects.
   */
  plain(id: number): boolean {
    if (id >= this.#plain.length) {
      const plain = new Uint8Array(Math.max(this.#plain.length * 2, id + 1));
      plain.set(this.#plain);
      this.#plain = plain;
    }
    let state = this.#plain[id]!;
    if (state === 0) {
      const name = this.#names[id]!;
      const n = this.normalized(id);
      state = n.ok && n.ascii === name && n.unicode === name && n.note === null && this.canary(id) === null ? 1 : 2;
      this.#plain[id] = state;
    }
    return state === 1;
  }

  get size(): number {
    return this.#names.length;
  }
}
