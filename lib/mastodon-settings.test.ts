import { describe, expect, it } from 'vitest';
import { parseYamlScalar, toYamlScalar } from './mastodon-settings';

describe('Mastodon setting YAML', () => {
  it('reads the scalars Mastodon writes', () => {
    expect(parseYamlScalar('--- approved\n')).toBe('approved');
    expect(parseYamlScalar('--- true\n')).toBe('true');
    expect(parseYamlScalar("--- 'It''s mine'\n")).toBe("It's mine");
    expect(parseYamlScalar('--- "Caf\\u00e9"\n')).toBe('Café');
    expect(parseYamlScalar('--- users\n...\n')).toBe('users');
  });

  it('writes values that read back the same', () => {
    for (const value of ['approved', 'My server', "It's mine", 'true', '42', ': colon']) {
      expect(parseYamlScalar(toYamlScalar(value))).toBe(value);
    }
    expect(toYamlScalar('all')).toBe('--- all\n');
  });
});
