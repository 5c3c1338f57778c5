import { describe, expect, it } from 'vitest';
import { isSameRuleSet, moveRule, ruleSchema, translationSchema } from './server-rules';

describe('rule ordering', () => {
  it('moves like Rule#move!, clamped at both ends', () => {
    expect(moveRule(['1', '2', '3'], '3', -1)).toEqual(['1', '3', '2']);
    expect(moveRule(['1', '2', '3'], '1', -1)).toEqual(['1', '2', '3']);
    expect(moveRule(['1', '2', '3'], '1', 5)).toEqual(['2', '3', '1']);
    expect(moveRule(['1', '2'], '9', 1)).toBeNull();
  });

  it('accepts a dragged order only when it is the same set of rules', () => {
    expect(isSameRuleSet(['1', '2', '3'], ['3', '1', '2'])).toBe(true);
    expect(isSameRuleSet(['1', '2', '3'], ['3', '1'])).toBe(false);
    expect(isSameRuleSet(['1', '2', '3'], ['3', '1', '1'])).toBe(false);
  });
});

describe('rule validation', () => {
  it('needs text up to 300 characters; hint optional', () => {
    expect(ruleSchema.safeParse({ text: '  Be kind  ' })).toMatchObject({ success: true, data: { text: 'Be kind', hint: '' } });
    expect(ruleSchema.safeParse({ text: ' ' }).success).toBe(false);
    expect(ruleSchema.safeParse({ text: 'x'.repeat(301) }).success).toBe(false);
  });

  it('translations need a locale tag', () => {
    expect(translationSchema.safeParse({ language: 'pt-BR', text: 'Seja gentil' }).success).toBe(true);
    expect(translationSchema.safeParse({ language: 'Portuguese', text: 'x' }).success).toBe(false);
  });
});
