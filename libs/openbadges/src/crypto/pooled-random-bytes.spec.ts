import { pooledRandomBytes } from './pooled-random-bytes';

describe('pooledRandomBytes', () => {
  it('hands out bytes of the asked length, never the same bytes twice, across refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i += 1) {
      const bytes = pooledRandomBytes(16);
      expect(bytes).toHaveLength(16);
      seen.add(bytes.toString('hex'));
    }
    expect(seen.size).toBe(2_000);
    expect(pooledRandomBytes(20_000)).toHaveLength(20_000);
  });

  it('copies out: changing a result does not change the next one', () => {
    const first = pooledRandomBytes(8);
    first.fill(0);
    expect(pooledRandomBytes(8).equals(Buffer.alloc(8))).toBe(false);
  });
});
