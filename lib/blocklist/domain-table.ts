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

  /** The domain's number, numbering it when it is new. */
  id(domain: string): number {
    let id = this.#ids.get(domain);
    if (id === undefined) {
      id = this.#names.length;
      const name = detached(domain);
      this.#names.push(name);
      this.#ids.set(name, id);
    }
    return id;
  }

  /** The domain's number, or -1 when it has none. */
  find(domain: string): number {
    return this.#ids.get(domain) ?? -1;
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

  get size(): number {
    return this.#names.length;
  }
}
