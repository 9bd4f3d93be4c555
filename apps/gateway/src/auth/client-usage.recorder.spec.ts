import { ClientUsageRecorder } from './client-usage.recorder';

describe('ClientUsageRecorder', () => {
  it('writes a client’s use at most once per resolution, per client, without the caller waiting', async () => {
    const writes: Array<[string, number]> = [];
    let now = 5_000_000;
    const recorder = new ClientUsageRecorder(async (clientId, at) => void writes.push([clientId, at.getTime()]), 60_000, () => now);

    expect(recorder.record('c1')).toBeUndefined();
    recorder.record('c2');
    now += 59_999;
    recorder.record('c1');
    now += 1;
    recorder.record('c1');
    await recorder.flush();
    expect(writes).toEqual([
      ['c1', 5_000_000],
      ['c2', 5_000_000],
      ['c1', 5_060_000],
    ]);
  });

  it('only logs a failed write: the request it came from has long been answered', async () => {
    const recorder = new ClientUsageRecorder(async () => {
      throw new Error('database down');
    });
    recorder.record('c1');
    await expect(recorder.flush()).resolves.toBeUndefined();
  });
});
