import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { emptyProfile, parseProfile, type Profile } from '../contract/profile';

/**
 * The team profile in the extension's own IndexedDB (never the portal's). Every read is validated; a
 * stored value that no longer validates is kept aside under `profile.unreadable` (never deleted) and the
 * extension carries on with an empty profile, telling the options page why.
 */
const KEY = 'profile';
const UNREADABLE = 'profile.unreadable';

export interface StoreState {
  profile: Profile;
  /** Set when a stored profile could not be read: what was wrong with it. */
  problem?: string[];
}

export class ProfileStore {
  private readonly db: UseStore;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dbName = 'csp-reseller-assistant') {
    this.db = createStore(dbName, 'kv');
  }

  async read(): Promise<StoreState> {
    const raw = await get(KEY, this.db);
    const unreadable = await get<{ errors: string[] }>(UNREADABLE, this.db);
    if (raw === undefined) return { profile: emptyProfile(), problem: unreadable?.errors };
    const parsed = parseProfile(raw);
    if (parsed.ok) return { profile: parsed.profile, problem: unreadable?.errors };
    await set(UNREADABLE, { value: raw, errors: parsed.errors, at: new Date().toISOString() }, this.db);
    await del(KEY, this.db);
    return { profile: emptyProfile(), problem: parsed.errors };
  }

  /** The profile once every update already asked for has been written (what a reader should see). */
  current(): Promise<StoreState> {
    return this.queue.then(() => this.read());
  }

  /** Read-modify-write, one at a time (messages from several tabs may arrive together). */
  update(change: (p: Profile) => Profile): Promise<{ profile: Profile; changed: boolean }> {
    const run = this.queue.then(async () => {
      const { profile } = await this.read();
      const next = change(profile);
      if (next === profile) return { profile, changed: false };
      const checked = parseProfile(next);
      if (!checked.ok) throw new Error(`refusing to store an invalid profile: ${checked.errors.join('; ')}`);
      await set(KEY, checked.profile, this.db);
      return { profile: checked.profile, changed: true };
    });
    this.queue = run.catch(() => {});
    return run;
  }

  /** The value kept aside after a failed read, if any (for the options page to offer as a download). */
  unreadable(): Promise<unknown> {
    return get(UNREADABLE, this.db);
  }

  dismissUnreadable(): Promise<void> {
    return del(UNREADABLE, this.db);
  }
}
