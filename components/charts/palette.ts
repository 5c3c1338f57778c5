/**
 * Chart colours as CSS variables, so one class on the figure switches them for dark mode. Each
 * colour keeps at least 4.5:1 against the card behind it (white / zinc-900), above WCAG's 3:1
 * for graphics; hues follow the Okabe–Ito colour-blind-safe palette, and every chart also has a
 * legend and a data table, so no figure depends on telling two colours apart.
 */
export const CHART_COLORS = {
  blue: 'var(--chart-blue)',
  orange: 'var(--chart-orange)',
  green: 'var(--chart-green)',
  purple: 'var(--chart-purple)',
  pink: 'var(--chart-pink)',
  red: 'var(--chart-red)',
  grey: 'var(--chart-grey)',
} as const;

export type ChartColor = keyof typeof CHART_COLORS;

export const CHART_PALETTE_CLASS = [
  '[--chart-blue:#0072b2] dark:[--chart-blue:#56b4e9]',
  '[--chart-orange:#b35900] dark:[--chart-orange:#f0a030]',
  '[--chart-green:#007a5a] dark:[--chart-green:#3ccb9f]',
  '[--chart-purple:#7c3aed] dark:[--chart-purple:#a78bfa]',
  '[--chart-pink:#a8457f] dark:[--chart-pink:#e88ac0]',
  '[--chart-red:#c03b00] dark:[--chart-red:#ff7a45]',
  '[--chart-grey:#6b7280] dark:[--chart-grey:#a1a1aa]',
].join(' ');
