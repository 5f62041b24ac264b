import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe('passwordProblem', () => {
  it.each([
    { password: 'short', problem: 'Use at least 10 characters.' },
    { password: 'correct horse battery', problem: undefined },
    { password: 'aaaaaaaaaaaa', problem: 'The password must not be one repeated character.' },
    { password: 'ana.silva@example.org', problem: 'The password must not be your email address.' },
    { password: 'x'.repeat(257), problem: 'Use at most 256 characters.' },
  ])('$password', ({ password, problem }) => {
    expect(passwordProblem(password, 'ana.silva@example.org')).toBe(problem);
  });
});
