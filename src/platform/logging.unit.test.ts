import { describe, expect, it } from 'vitest';
import { createLogger } from './logging.js';

describe('logger', () => {
  it('censors client data wherever it appears in a logged object', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => lines.push(line) });
    logger.info(
      {
        givenName: 'Margaret',
        body: {
          familyName: 'Okafor',
          dateOfBirth: '1961-02-28',
          phone: '555-201-3344',
          password: 'secret words',
        },
        path: '/api/clients',
      },
      'request',
    );
    const text = lines.join('');
    for (const secret of ['Margaret', 'Okafor', '1961-02-28', '555-201-3344', 'secret words'])
      expect(text).not.toContain(secret);
    expect(text).toContain('/api/clients');
    expect(text).toContain('[redacted]');
  });
});
