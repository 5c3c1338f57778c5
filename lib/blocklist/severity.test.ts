import { describe, expect, it } from 'vitest';
import { comparePolicies, compareSeverity, hasLimitations, maxSeverity, parseSeverity, severityFromDb, severityToDb, stricterThan, type BlockPolicy, type Severity } from './severity';

const p = (severity: Severity, rejectMedia = false, rejectReports = false): BlockPolicy => ({ severity, rejectMedia, rejectReports });

describe('severity order', () => {
  it('is noop < silence < suspend, not the stored integer order (silence 0, suspend 1, noop 2)', () => {
    expect(['suspend', 'noop', 'silence'].sort((a, b) => compareSeverity(a as Severity, b as Severity))).toEqual(['noop', 'silence', 'suspend']);
    expect([severityToDb('silence'), severityToDb('suspend'), severityToDb('noop')]).toEqual([0, 1, 2]);
    expect(compareSeverity('noop', 'silence')).toBeLessThan(0);
    expect(maxSeverity('noop', 'silence')).toBe('silence');
    expect(maxSeverity('suspend', 'silence')).toBe('suspend');
  });

  it('reads the stored integers, NULL as Mastodon’s column default (silence)', () => {
    expect([0, 1, 2, null].map(severityFromDb)).toEqual(['silence', 'suspend', 'noop', 'silence']);
  });

  it('parses the spellings found in lists and refuses others', () => {
    expect(['Suspend', ' silence ', 'LIMIT', 'none', 'noop'].map(parseSeverity)).toEqual(['suspend', 'silence', 'silence', 'noop', 'noop']);
    expect(parseSeverity('ban')).toBeNull();
    expect(parseSeverity('')).toBeNull();
  });
});

describe('stricterThan (Mastodon’s DomainBlock#stricter_than?)', () => {
  it('a suspend is stricter than anything', () => {
    expect(stricterThan(p('suspend'), p('suspend', true, true))).toBe(true);
  });
  it('nothing but suspend beats an existing suspend', () => {
    expect(stricterThan(p('silence', true, true), p('suspend'))).toBe(false);
    expect(stricterThan(p('noop', true, true), p('suspend'))).toBe(false);
  });
  it('noop never beats silence, whatever its flags', () => {
    expect(stricterThan(p('noop', true, true), p('silence'))).toBe(false);
  });
  it('otherwise the candidate must keep the flags the existing block has', () => {
    expect(stricterThan(p('silence'), p('silence', true))).toBe(false);
    expect(stricterThan(p('silence', true), p('silence', true))).toBe(true);
    expect(stricterThan(p('silence', true, true), p('noop', false, true))).toBe(true);
    expect(stricterThan(p('silence'), p('noop', false, true))).toBe(false);
    // Equal policies count as "stricter" in Mastodon (not weaker): creation is allowed.
    expect(stricterThan(p('noop'), p('noop'))).toBe(true);
  });
});

describe('comparePolicies', () => {
  it('tells escalations, downgrades and mixed changes apart', () => {
    expect(comparePolicies(p('suspend'), p('silence', true))).toBe('escalate');
    expect(comparePolicies(p('silence'), p('suspend'))).toBe('downgrade');
    expect(comparePolicies(p('silence', true), p('silence'))).toBe('escalate');
    expect(comparePolicies(p('silence'), p('noop', true))).toBe('mixed');
    expect(comparePolicies(p('noop', false, true), p('noop', false, true))).toBe('same');
    // Flags are implied by a suspend.
    expect(comparePolicies(p('suspend', true, true), p('suspend'))).toBe('same');
  });
});

describe('hasLimitations (what Mastodon’s CSV export includes)', () => {
  it('is silence or suspend, or any block rejecting media', () => {
    expect(hasLimitations(p('silence'))).toBe(true);
    expect(hasLimitations(p('noop', true))).toBe(true);
    expect(hasLimitations(p('noop', false, true))).toBe(false);
  });
});
