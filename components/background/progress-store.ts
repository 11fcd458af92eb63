import { createStore, get, set, type UseStore } from 'idb-keyval';
import { emptyProgress, type Progress } from '../../rules/companion/progress';
import { parseProgress, PROGRESS_VERSION, type StoredProgress } from '../contract/progress';

/**
 * The enrollment progress in the extension's own IndexedDB. Every read is validated; a stored record that
 * no longer validates is kept aside under a timestamped key (never deleted) and progress starts afresh.
 * Writes run one at a time, each a read-modify-write of the newest record, so two tabs never erase each
 * other's evidence.
 */
const KEY = 'progress';

export class ProgressStore {
  private readonly db: UseStore;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dbName = 'csp-reseller-assistant') {
    // The same database and object store as the profile (idb-keyval opens one store per database).
    this.db = createStore(dbName, 'kv');
  }

  private async read(): Promise<StoredProgress> {
    const raw = await get(KEY, this.db);
    if (raw === undefined) return { version: PROGRESS_VERSION, ...emptyProgress() };
    const parsed = parseProgress(raw);
    if (parsed.ok) return parsed.progress;
    await set(`${KEY}.unreadable.${new Date().toISOString()}`, { value: raw, errors: parsed.errors }, this.db);
    await set(KEY, { version: PROGRESS_VERSION, ...emptyProgress() }, this.db);
    return { version: PROGRESS_VERSION, ...emptyProgress() };
  }

  /** The progress once every update already asked for has been written. */
  current(): Promise<StoredProgress> {
    return this.queue.then(() => this.read());
  }

  update(change: (p: Progress) => Progress): Promise<{ progress: StoredProgress; changed: boolean }> {
    const run = this.queue.then(async () => {
      const stored = await this.read();
      const { version: _v, ...progress } = stored;
      const next = change(progress);
      if (next === progress) return { progress: stored, changed: false };
      const checked = parseProgress({ version: PROGRESS_VERSION, ...next });
      if (!checked.ok) throw new Error(`refusing to store invalid progress: ${checked.errors.join('; ')}`);
      await set(KEY, checked.progress, this.db);
      return { progress: checked.progress, changed: true };
    });
    this.queue = run.catch(() => {});
    return run;
  }
}
