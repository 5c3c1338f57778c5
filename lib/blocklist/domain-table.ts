import { ByteTable } from './byte-table';
import { canaryName, type CanaryReason } from './canary';
import { detached } from './detached';
import { normalizeDomain, type NormalizedDomain } from './domain';
import { withRoom } from './typed-array';

/**
 * Numbers the distinct domains of a merge. The CLI's merge shares one table between the parser and
 * the merge, so each row's domain is looked up once — a lookup is most of what a row costs when
 * twenty lists of 20 000 rows name the same few tens of thousands of domains — and every later
 * step goes by number. Names are kept as copies, never as slices of the text they were read from.
 */
export class DomainTable {
  readonly #ids = new Map<string, number>();
  readonly #names: string[] = [];
  /**
   * What normalizeDomain says of each name, worked out once per domain however many rows name it:
   * #form[number] is 0 not yet, 1 the name is its own normal form (stored and display form alike,
   * no note: no object kept), 2 see #normalized.
   */
  #form = new Uint8Array(1024);
  readonly #normalized: Array<NormalizedDomain | undefined> = [];
  readonly #canary: Array<CanaryReason | null | undefined> = [];
  /** Per number: 0 not yet known, 1 plain (its own normal form and no canary), 2 not. */
  #plain = new Uint8Array(1024);
  /** The names as UTF-8 bytes, same numbers (built only once a caller looks up by bytes). */
  #bytes: ByteTable | null = null;
  #scratch: Buffer | null = null;

  /**
   * The domain's number, numbering it when it is new. `own`: the caller made the string itself (it
   * is cut from no larger text), so it is kept as it is instead of copied.
   */
  id(domain: string, own = false): number {
    return this.#ids.get(domain) ?? this.#add(own ? domain : detached(domain));
  }

  /**
   * `id` of a name the caller decoded itself from the UTF-8 bytes[start, end): the byte index
   * takes those bytes as they are.
   */
  idBytes(domain: string, bytes: Uint8Array, start: number, end: number): number {
    let id = this.#ids.get(domain);
    if (id === undefined) {
      id = this.#add(domain);
      if (this.#bytes !== null && this.#bytes.size === id) this.#bytes.add(bytes, start, end);
    }
    return id;
  }

  #add(name: string): number {
    const id = this.#names.length;
    this.#names.push(name);
    this.#ids.set(name, id);
    this.#plain = withRoom(this.#plain, id);
    this.#form = withRoom(this.#form, id);
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
    const name = this.#names[id]!;
    const form = this.#form[id];
    if (form === 1) return { ok: true, ascii: name, unicode: name, note: null };
    if (form === 2) return this.#normalized[id]!;
    const normalized = normalizeDomain(name);
    this.worked(id, normalized);
    return normalized;
  }

  /** Records normalizeDomain of the domain's name, which the caller has just worked out. */
  worked(id: number, normalized: NormalizedDomain): void {
    const name = this.#names[id]!;
    if (normalized.ok && normalized.ascii === name && normalized.unicode === name && normalized.note === null) this.#form[id] = 1;
    else {
      this.#form[id] = 2;
      this.#normalized[id] = normalized;
    }
  }

  /** canaryName of the domain's name, worked out once. */
  canary(id: number): CanaryReason | null {
    let reason = this.#canary[id];
    if (reason === undefined) this.#canary[id] = reason = canaryName(this.#names[id]!);
    return reason;
  }

  /**
   * The name needs nothing worked out: it is its own normal form and no canary. One byte per
   * domain, so a row costs no look at the per-domain objects.
   */
  plain(id: number): boolean {
    let state = this.#plain[id]!;
    if (state === 0) {
      if (this.#form[id] === 0) this.normalized(id);
      state = this.#form[id] === 1 && this.canary(id) === null ? 1 : 2;
      this.#plain[id] = state;
    }
    return state === 1;
  }

  get size(): number {
    return this.#names.length;
  }
}
