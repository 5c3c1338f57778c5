/**
 * Generated blocklists for `npm run bench` (no database needed): Mastodon admin-export CSVs drawn
 * from one shared pool, so lists overlap the way real ones do — a core most lists carry, a long
 * tail few do — with subdomains of listed parents, mixed severities and flags, repeated and
 * quoted comments, a few obfuscated names and a canary row per list.
 */

const SEVERITIES = ['suspend', 'suspend', 'suspend', 'suspend', 'silence', 'silence', 'noop'] as const;
const COMMENTS = [
  '',
  '',
  '',
  'spam',
  'harassment',
  'spam, harassment',
  'hate-speech, racism',
  'iftas:hate-speech;harassment',
  '"Free speech" instance, no moderation',
  'csam',
  'federated harassment campaigns; see https://example.social/@mod/1',
  'fascism',
];

/** A small deterministic generator (LCG), so every run merges the same lists. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Mastodon's public form: characters between the first and last quarter become `*`. */
function obfuscated(domain: string): string {
  const n = domain.length;
  const v = Math.floor(n / 4);
  return [...domain].map((c, i) => (i > v && i < n - v && c !== '.' ? '*' : c)).join('');
}

export interface GeneratedLists {
  /** One Mastodon CSV text per list. */
  texts: string[];
  /** Data rows per list (the header not counted). */
  rows: number;
}

/**
 * `lists` CSV texts of `rows` data rows each. The pool is 2.5× a list; a skewed pick makes the
 * first part of the pool the consensus core (at 50 % roughly a third of the pool passes).
 */
export function generateBlocklistCsvs({ lists = 20, rows = 20_000, seed = 1 }: { lists?: number; rows?: number; seed?: number } = {}): GeneratedLists {
  const poolSize = Math.round(rows * 2.5);
  const pool: string[] = [];
  for (let i = 0; i < poolSize; i += 1) {
    // One pool name in eight is a subdomain of an earlier name (often a listed parent itself).
    if (i > 100 && i % 8 === 0) pool.push(`${['chat', 'social', 'm', 'media'][i % 4]}.${pool[(i * 7919) % i]!.split('.').slice(-2).join('.')}`);
    else pool.push(`inst${i.toString(36)}-${(i * 2654435761) % 9973}.${['social', 'online', 'xyz', 'com', 'net', 'club'][i % 6]}`);
  }
  const unique = [...new Set(pool)];
  const texts: string[] = [];
  for (let l = 0; l < lists; l += 1) {
    const next = seededRandom(seed * 1000 + l + 1);
    const picked = new Set<string>();
    // Skew towards the start of the pool: x² puts most picks in the shared core.
    while (picked.size < rows - 1) picked.add(unique[Math.floor(next() ** 1.6 * unique.length)]!);
    const lines = ['#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate'];
    for (const domain of picked) {
      const severity = SEVERITIES[Math.floor(next() * SEVERITIES.length)]!;
      const hide = next() < 0.02;
      const name = hide ? obfuscated(domain) : domain;
      const comment = COMMENTS[Math.floor(next() * COMMENTS.length)]!;
      lines.push(`${name},${severity},${next() < 0.15},${next() < 0.05},${cell(comment)},${hide}`);
    }
    lines.push(`canary${l}.invalid,suspend,false,false,iftas:canary,false`);
    texts.push(`${lines.join('\n')}\n`);
  }
  return { texts, rows };
}
