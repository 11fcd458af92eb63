import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { SetAsideInfo } from '../contract/extension';
import { LIMITS } from '../contract/limits';
import { emptyProfile, parseProfile, type Profile } from '../contract/profile';

/**
 * The team profile in the extension's own IndexedDB (never the portal's). Every read is validated; a
 * stored value that no longer validates is kept aside as a timestamped copy (never overwritten, deleted
 * only when the user confirms it) and the extension carries on with an empty profile, telling the
 * options page why. Every write bumps a revision, so that an editor can tell it saved from a stale base.
 */
const KEY = 'profile';
const REVISION = 'profile.revision';
/** The list of set-aside copies (their metadata); each copy's value is under `profile.setAside.<id>`. */
const SET_ASIDE = 'profile.setAside';
/** The single slot of earlier versions: moved into the list on first read. */
const LEGACY_UNREADABLE = 'profile.unreadable';

export interface StoreState {
  profile: Profile;
  /** Counts writes: a save made from an older revision is merged or refused, never a silent overwrite. */
  revision: number;
  /** Set while a set-aside copy has not been dismissed: what was wrong with the latest one. */
  problem?: string[];
  setAside: SetAsideInfo[];
}

export class ProfileStore {
  private readonly db: UseStore;
  private queue: Promise<unknown> = Promise.resolve();
  private seq = 0;

  constructor(dbName = 'csp-reseller-assistant') {
    this.db = createStore(dbName, 'kv');
  }

  private async list(): Promise<SetAsideInfo[]> {
    const listed = (await get<SetAsideInfo[]>(SET_ASIDE, this.db)) ?? [];
    const legacy = await get<{ value: unknown; errors: string[]; at: string }>(LEGACY_UNREADABLE, this.db);
    if (legacy === undefined) return listed;
    const moved = await this.keepAside(legacy.value, legacy.errors ?? [], legacy.at ?? new Date(0).toISOString(), listed);
    await del(LEGACY_UNREADABLE, this.db);
    return moved;
  }

  /** Adds a copy under a new id; past the limit the oldest dismissed copy goes (an undismissed one never). */
  private async keepAside(value: unknown, errors: string[], at: string, listed: SetAsideInfo[]): Promise<SetAsideInfo[]> {
    const id = `${at.replace(/[^0-9TZ]/g, '')}-${(this.seq++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    await set(`${SET_ASIDE}.${id}`, value, this.db);
    const next = [...listed, { id, at, errors: errors.slice(0, 50).map((e) => e.slice(0, 500)), dismissed: false }];
    while (next.length > LIMITS.setAside) {
      const i = next.findIndex((s) => s.dismissed);
      if (i < 0) break;
      await del(`${SET_ASIDE}.${next[i]!.id}`, this.db);
      next.splice(i, 1);
    }
    await set(SET_ASIDE, next, this.db);
    return next;
  }

  async read(): Promise<StoreState> {
    const raw = await get(KEY, this.db);
    const revision = (await get<number>(REVISION, this.db)) ?? 0;
    let setAside = await this.list();
    const problemOf = (list: SetAsideInfo[]) => list.filter((s) => !s.dismissed).at(-1)?.errors;
    if (raw === undefined) return { profile: emptyProfile(), revision, problem: problemOf(setAside), setAside };
    const parsed = parseProfile(raw);
    if (parsed.ok) return { profile: parsed.profile, revision, problem: problemOf(setAside), setAside };
    setAside = await this.keepAside(raw, parsed.errors, new Date().toISOString(), setAside);
    await del(KEY, this.db);
    await set(REVISION, revision + 1, this.db);
    return { profile: emptyProfile(), revision: revision + 1, problem: parsed.errors, setAside };
  }

  /** The profile once every update already asked for has been written (what a reader should see). */
  current(): Promise<StoreState> {
    return this.queue.then(() => this.read());
  }

  /**
   * Read-modify-write, one at a time (messages from several tabs may arrive together). `change` sees the
   * stored profile and its revision; returning the same profile changes nothing.
   */
  update(change: (p: Profile, revision: number) => Profile): Promise<{ profile: Profile; revision: number; changed: boolean }> {
    return this.serially(async () => {
      const { profile, revision } = await this.read();
      const next = change(profile, revision);
      if (next === profile) return { profile, revision, changed: false };
      const checked = parseProfile(next);
      if (!checked.ok) throw new Error(`refusing to store an invalid profile: ${checked.errors.join('; ')}`);
      await set(KEY, checked.profile, this.db);
      await set(REVISION, revision + 1, this.db);
      return { profile: checked.profile, revision: revision + 1, changed: true };
    });
  }

  /** A set-aside copy as JSON text, for the options page to offer as a download; null when there is none. */
  setAsideText(id: string): Promise<string | null> {
    return this.serially(async () => {
      if (!(await this.list()).some((s) => s.id === id)) return null;
      const value = await get(`${SET_ASIDE}.${id}`, this.db);
      return typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? null);
    });
  }

  /** Hides the notice: every copy is kept. */
  dismissUnreadable(): Promise<void> {
    return this.serially(async () => {
      await set(
        SET_ASIDE,
        (await this.list()).map((s) => ({ ...s, dismissed: true })),
        this.db,
      );
    });
  }

  /** Deletes one copy: the options page sends this only after the user confirmed it. */
  deleteSetAside(id: string): Promise<void> {
    return this.serially(async () => {
      await del(`${SET_ASIDE}.${id}`, this.db);
      await set(
        SET_ASIDE,
        (await this.list()).filter((s) => s.id !== id),
        this.db,
      );
    });
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => {});
    return run;
  }
}
