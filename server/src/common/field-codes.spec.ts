import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FIELD_MESSAGES, fieldCodeOf, fieldMessage, signUpBody, type FieldMessageKey } from '@mingle/shared';
import { describe as describeIssues } from './validate';

const shared = join(__dirname, '..', '..', '..', 'shared', 'src');

/** The messages the shared schemas pass to zod, with `${what}` and numbers filled in as the schemas do. */
function schemaMessages(): string[] {
  const out: string[] = [];
  const call =
    /\.(?:min|max|int|refine|regex|array|enum|boolean|uuid|email|literal|union)\((?:[^'`()]|\([^()]*\))*?,?\s*(['`])([A-Z"][^'`]*)\1\s*\)/g;
  for (const file of readdirSync(shared).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(shared, file), 'utf8');
    for (const m of source.matchAll(call)) {
      out.push(m[2]!.replace(/\$\{what\}/g, 'Name').replace(/\$\{(max|MAX_BULK_ATTENDEES)\}/g, '40'));
    }
    for (const m of source.matchAll(/message: '([^']+)'/g)) out.push(m[1]!);
  }
  return out;
}

describe('the field-message catalog', () => {
  it('knows every custom message of the shared schemas', () => {
    const messages = schemaMessages();
    expect(messages.length).toBeGreaterThan(60);
    expect(messages.filter((m) => !fieldCodeOf(m))).toEqual([]);
  });

  it('reads each of its own messages back as the same key, none shadowed by another', () => {
    const params = { what: 'Interest tag', max: 40, min: 2, n: 3, value: 'Knitting' };
    const wrong = (Object.keys(FIELD_MESSAGES) as FieldMessageKey[]).filter((key) => fieldCodeOf(fieldMessage(key, params))?.code !== key);
    expect(wrong).toEqual([]);
  });

  it('gives zod’s own issues generic codes with their numbers', () => {
    const parsed = z.strictObject({ n: z.number().min(3), s: z.string() }).safeParse({ n: 1, s: 2, x: 1 });
    expect(parsed.success).toBe(false);
    expect(describeIssues(parsed.error!).fieldCodes).toEqual({
      n: { code: 'tooSmall', params: { min: 3 } },
      s: { code: 'invalidType' },
      x: { code: 'unknownField' },
    });
    const signUp = signUpBody.safeParse({ email: 'x', name: 'Sam', password: 'short' });
    expect(describeIssues(signUp.error!).fieldCodes).toEqual({
      email: { code: 'emailInvalid' },
      password: { code: 'passwordTooShort', params: { min: 10 } },
    });
  });
});
