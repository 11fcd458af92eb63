// The one way the content script asks the background about keys (email hosts, message texts): each key
// once at a time, in chunks; one bad key never stops the others; a failure is not retried at once.
import { describe, expect, it, vi } from 'vitest';
import { Asker } from '../../components/page/asker';

const settle = () => new Promise((r) => setTimeout(r, 0));

function asker(fail: (keys: string[]) => boolean = () => false) {
  let now = 0;
  const asked: string[][] = [];
  const answered: string[] = [];
  const a = new Asker<string>({
    ask: async (keys) => {
      asked.push(keys);
      if (fail(keys)) throw new Error('refused');
      return keys.map((k) => k.toUpperCase());
    },
    answer: (keys, answers) => answered.push(...answers),
    chunk: 2,
    maxKey: 10,
    what: 'test lookup',
    now: () => now,
  });
  return { a, asked, answered, tick: (ms: number) => (now += ms) };
}

describe('Asker', () => {
  it('asks each key once, in chunks, and hands the answers on', async () => {
    const { a, asked, answered } = asker();
    expect(a.ask(['a', 'b', 'c', 'a'])).toEqual(['a', 'b', 'c']);
    expect(a.ask(['a'])).toEqual([]);
    await settle();
    expect(asked).toEqual([['a', 'b'], ['c']]);
    expect(answered).toEqual(['A', 'B', 'C']);
  });

  it('one bad key: its chunk is asked again key by key; the bad one waits a minute, then is asked again', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { a, asked, answered, tick } = asker((keys) => keys.includes('bad'));
    a.ask(['ok', 'bad']);
    await settle();
    await settle();
    expect(asked).toEqual([['ok', 'bad'], ['ok'], ['bad']]);
    expect(answered).toEqual(['OK']);
    expect(a.ask(['bad'])).toEqual([]);
    tick(61_000);
    expect(a.ask(['bad'])).toEqual(['bad']);
  });

  it('a key too long to ask about is never asked', () => {
    const { a, asked } = asker();
    expect(a.ask(['x'.repeat(11)])).toEqual([]);
    expect(asked).toEqual([]);
  });
});
