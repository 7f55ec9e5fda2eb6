import { createCipheriv, randomBytes } from 'node:crypto';
import { open, seal } from '../../src/state/crypto';

describe('seal / open', () => {
  const key = randomBytes(32);
  const text = '催收说明天上门泼油漆。'.repeat(40);

  it('round-trips, compresses repetitive Chinese, and binds the record name', () => {
    const sealed = seal(key, text, 'state:a');
    expect(open(key, sealed, 'state:a')).toBe(text);
    expect(sealed.length).toBeLessThan(Buffer.byteLength(text) / 2);
    expect(() => open(key, sealed, 'state:b')).toThrow();
    expect(() => open(randomBytes(32), sealed, 'state:a')).toThrow();
  });

  it('still opens uncompressed v1 records written by earlier builds', () => {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', key, iv);
    c.setAAD(Buffer.from('state:a'));
    const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
    const v1 = ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    expect(open(key, v1, 'state:a')).toBe(text);
  });
});
