/**
 * Mastodon stores each site setting as a YAML document (`--- approved\n`, `--- true\n`,
 * `--- 'it''s'\n`). Palisade reads plain scalars only; anything structured is returned verbatim.
 */
export function parseYamlScalar(value: string): string {
  const body = value
    .replace(/^---[ \t]?/, '')
    .replace(/\n\.\.\.\s*$/, '')
    .trim();
  if (body.startsWith("'") && body.endsWith("'") && body.length >= 2) return body.slice(1, -1).replace(/''/g, "'");
  if (body.startsWith('"') && body.endsWith('"') && body.length >= 2) {
    try {
      return JSON.parse(body) as string;
    } catch {
      return body.slice(1, -1);
    }
  }
  return body;
}

/** The YAML Mastodon writes for a plain string setting. */
export function toYamlScalar(value: string): string {
  const plain = /^[A-Za-z0-9_][A-Za-z0-9_ .,/-]*$/.test(value) && !/^(true|false|yes|no|on|off|null|~|\d+(\.\d+)?)$/i.test(value);
  return `--- ${plain ? value : `'${value.replace(/'/g, "''")}'`}\n`;
}
