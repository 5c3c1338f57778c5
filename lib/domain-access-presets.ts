/** IP-rule constants shared with the browser (no Node imports here). */
export const IP_SEVERITIES = { sign_up_requires_approval: 5000, sign_up_block: 5500, no_access: 9999 } as const;
export type IpSeverity = keyof typeof IP_SEVERITIES;

export function ipSeverityFromDb(value: number): IpSeverity | null {
  return (Object.entries(IP_SEVERITIES).find(([, v]) => v === value)?.[0] as IpSeverity | undefined) ?? null;
}

/** The UI's expiry presets (seconds); null = never. */
export const IP_EXPIRY_PRESETS = [
  { key: 'day', seconds: 86_400 },
  { key: 'twoWeeks', seconds: 1_209_600 },
  { key: 'month', seconds: 2_592_000 },
  { key: 'sixMonths', seconds: 15_552_000 },
  { key: 'year', seconds: 31_536_000 },
  { key: 'threeYears', seconds: 94_608_000 },
  { key: 'never', seconds: null },
] as const;
