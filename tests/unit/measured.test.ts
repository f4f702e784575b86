import { measured } from '@/lib/measured';

const entries = (name: string) => performance.getEntriesByName(name, 'measure');

describe('measured', () => {
  it('measures synchronous work and returns its result', () => {
    expect(measured('test:sync', () => 42)).toBe(42);
    expect(entries('test:sync')).toHaveLength(1);
  });

  it('measures asynchronous work once it settles, not when it starts', async () => {
    let finish!: (value: string) => void;
    const result = measured('test:async', () => new Promise<string>((resolve) => (finish = resolve)));
    expect(entries('test:async')).toHaveLength(0);
    finish('done');
    await expect(result).resolves.toBe('done');
    expect(entries('test:async')).toHaveLength(1);
  });

  it('still measures work that fails, and passes the failure on', async () => {
    expect(() => measured('test:throws', () => { throw new Error('boom'); })).toThrow('boom');
    await expect(measured('test:rejects', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(entries('test:throws')).toHaveLength(1);
    expect(entries('test:rejects')).toHaveLength(1);
  });
});
