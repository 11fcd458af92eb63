import { createStore, get, set, type UseStore } from 'idb-keyval';
import { ignoreKey } from '../../rules/fixes';
import { emptyPrefs, prefsSchema, type PagePrefs, type Prefs } from '../contract/prefs';

const KEY = 'prefs';

/**
 * The user's choices (language, ignored issues) in the extension's IndexedDB, validated on every read; a
 * value that no longer validates gives the defaults (nothing in it is worth more than a choice made again).
 * Writes run one at a time.
 */
export class PrefsStore {
  private readonly db: UseStore;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dbName = 'csp-reseller-assistant') {
    this.db = createStore(dbName, 'kv');
  }

  private async read(): Promise<Prefs> {
    const parsed = prefsSchema.safeParse(await get(KEY, this.db));
    return parsed.success ? parsed.data : emptyPrefs();
  }

  current(): Promise<Prefs> {
    return this.queue.then(() => this.read());
  }

  update(change: (p: Prefs) => Prefs): Promise<Prefs> {
    const run = this.queue.then(async () => {
      const next = prefsSchema.parse(change(await this.read()));
      await set(KEY, next, this.db);
      return next;
    });
    this.queue = run.catch(() => {});
    return run;
  }
}

/** The prefs a content script reads. */
export const pagePrefsOf = (p: Prefs): PagePrefs => ({
  ...(p.language ? { language: p.language } : {}),
  ignored: p.ignored.map((i) => ignoreKey(i.code, i.label, i.path)),
});
