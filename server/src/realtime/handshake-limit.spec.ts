import { ExpressAdapter } from '@nestjs/platform-express';
import { clientAddress } from './handshake-limit';

/** Express's own compiled trust function for a `trust proxy` value. */
const trustOf = (value: unknown) => {
  const app = new ExpressAdapter().getInstance<import('express').Express>();
  app.set('trust proxy', value);
  return app.get('trust proxy fn') as (address: string, hop: number) => boolean;
};

describe('clientAddress (the address a handshake counts against)', () => {
  const forwarded = '203.0.113.7, 198.51.100.2';

  it('is the peer itself when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('10.0.0.5', forwarded, trustOf(false))).toBe('10.0.0.5');
  });

  it('walks back one trusted hop per proxy', () => {
    expect(clientAddress('10.0.0.5', forwarded, trustOf(1))).toBe('198.51.100.2');
    expect(clientAddress('10.0.0.5', forwarded, trustOf(2))).toBe('203.0.113.7');
  });

  it('trusts only the listed proxy addresses', () => {
    expect(clientAddress('127.0.0.1', forwarded, trustOf('loopback'))).toBe('198.51.100.2');
    expect(clientAddress('10.0.0.5', forwarded, trustOf('loopback'))).toBe('10.0.0.5');
  });

  it('takes a header sent twice as one list', () => {
    expect(clientAddress('10.0.0.5', ['203.0.113.7', '198.51.100.2'], trustOf(1))).toBe('198.51.100.2');
  });
});
