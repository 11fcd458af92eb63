import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { resolveCountry } from '../../rules/geo/country';
import { LanguageOptions, RegionOptions } from './choices';
import { setDistributorRegion, type Profile } from '../contract/profile';
import { exportedProgress } from '../contract/progress';
import { strings } from './strings';
import type { ProfileResult, SetAsideInfo } from '../contract/extension';
import { LIMITS } from '../contract/limits';
import { sendFromExtension as send } from '../send';
import { chosenLanguage, uiLocale } from './locale';
import { addressOrder, checkImport } from './import-errors';
import type { Prefs } from '../contract/prefs';
import { localeFrom } from '../../rules/locale';

type Status = { kind: 'ok'; text: string; undo?: () => void } | { kind: 'errors'; errors: string[] } | null;
const dateOf = (iso: string | undefined, locale: string) => {
  const d = iso ? new Date(iso) : null;
  return d && !Number.isNaN(d.getTime())
    ? d.toLocaleDateString(locale === 'ja' ? 'ja-JP' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric' })
    : '';
};
const LANGUAGE_NAMES = { en: 'English', ja: '日本語' } as const;

/** Settings: the team profile (distributor, company, PartnerIDs, verified address), editable, importable, exportable. */
export function Options() {
  const locale = uiLocale();
  const t = strings(locale);
  const o = t.opt;
  const [profile, setProfile] = useState<Profile | null>(null);
  /** The profile as last edited: change events read it, since state updates land after them. */
  const latest = useRef<Profile | null>(null);
  /** Counts edits, so that a save's answer never overwrites what was typed while it was on its way. */
  const edits = useRef(0);
  /** The edit count the last save sent: past it, there are edits not saved yet. */
  const sentUpTo = useRef(0);
  /** The stored profile and revision the form's edits started from: a save sends them, so that the
   * background merges into (or refuses against) what another tab wrote meanwhile. */
  const base = useRef<{ profile: Profile; revision: number } | null>(null);
  const [problem, setProblem] = useState<string[] | undefined>();
  const [setAside, setSetAside] = useState<SetAsideInfo[]>([]);
  const [status, setStatus] = useState<Status>(null);
  const [pasted, setPasted] = useState('');
  const [newId, setNewId] = useState({ id: '', type: 'location' as 'global' | 'location', country: '' });
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  const [confirming, setConfirming] = useState(false);
  /** Where focus goes after a render (an Undo button, a restored row's Remove button). */
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    // (Kept until the element is there: a render for another reason may come first.)
    const target = focusNext.current ? document.querySelector<HTMLElement>(focusNext.current) : null;
    if (!target) return;
    target.focus();
    focusNext.current = null;
  });

  /**
   * Reads the stored profile (a portal page or an import changed it). Skipped while the form holds edits
   * not saved yet, or when the user edits meanwhile: the stored profile would overwrite them.
   */
  const load = async (force = false) => {
    if (force) sentUpTo.current = edits.current;
    const sentAt = edits.current;
    if (sentAt !== sentUpTo.current) return;
    const r = await send({ type: 'get-profile' });
    setSetAside(r.setAside);
    setProblem(r.problem);
    if (sentAt !== edits.current) return;
    base.current = { profile: r.profile, revision: r.revision };
    latest.current = r.profile;
    setProfile(r.profile);
  };
  const loadPrefs = async () => setPrefs((await send({ type: 'get-prefs' })).prefs);
  useEffect(() => {
    void load();
    void loadPrefs();
    const onMessage = (m: unknown) => {
      if ((m as { type?: string } | null)?.type === 'facts-changed') void load();
      if ((m as { type?: string } | null)?.type === 'prefs-changed') void loadPrefs();
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);

  if (!profile) return <main class="options">…</main>;

  const show = (result: ProfileResult, okText: string, sentAt = edits.current, sent?: Profile) => {
    if (result.ok) {
      if (sentAt === edits.current) {
        base.current = { profile: result.profile, revision: result.revision };
        latest.current = result.profile;
        setProfile(result.profile);
      } else if (sent) {
        // Edited further while the save was on its way: the form's edits are relative to what was sent,
        // which becomes the base. No revision (-1): the next save is always merged, so that anything the
        // background merged in meanwhile (a learned PartnerID) is kept, and our own saves never conflict.
        base.current = { profile: sent, revision: -1 };
      }
      setStatus({ kind: 'ok', text: okText });
    } else if (result.code === 'stale') {
      setStatus({ kind: 'errors', errors: [o.stale((result.conflicts ?? []).join(', '))] });
      void load(true);
    } else if (result.code === 'too-large') {
      setStatus({ kind: 'errors', errors: [o.tooLarge('>1')] });
    } else setStatus({ kind: 'errors', errors: result.errors });
  };
  /** Any failure to reach the background or to be answered is said, never left unhandled. */
  const guarded = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      setStatus({ kind: 'errors', errors: [o.failed(error instanceof Error ? error.message : String(error))] });
    }
  };
  const save = (next: Profile) =>
    guarded(async () => {
      const sentAt = edits.current;
      sentUpTo.current = sentAt;
      const from = base.current;
      show(await send({ type: 'save-profile', profile: next, base: from?.profile, baseRevision: from?.revision }), o.saved, sentAt, next);
    });
  const edit = (change: (p: Profile) => void) => {
    const next = structuredClone(latest.current ?? profile);
    change(next);
    edits.current++;
    latest.current = next;
    setProfile(next);
  };
  // Changes are saved as they are made (a select at once, a text field when it is left); Save does the same.
  const autosave = (e: Event) => {
    const target = e.target as HTMLElement | null;
    if (target?.id.startsWith('new-') || !latest.current) return;
    void save(latest.current);
  };
  const importText = (text: string, bytes = new Blob([text]).size) =>
    guarded(async () => {
      // Said here, before sending a message that large: at most LIMITS.importText characters are read.
      if (text.length > LIMITS.importText || bytes > LIMITS.importText * 4) {
        setStatus({ kind: 'errors', errors: [o.tooLarge((bytes / 1_000_000).toFixed(1))] });
        return;
      }
      // Checked here first, in plain words with the place in the file: a file with a problem changes nothing.
      const problems = checkImport(text, locale);
      if (problems.length > 0) {
        setStatus({ kind: 'errors', errors: problems });
        return;
      }
      // An import replaces the profile: edits not saved yet are dropped with it.
      sentUpTo.current = edits.current;
      show(await send({ type: 'import-profile', text }), o.imported);
    });
  const downloadSetAside = (copy: SetAsideInfo) =>
    guarded(async () => {
      const { text } = await send({ type: 'get-set-aside', id: copy.id });
      if (text === null) return;
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      a.download = `csp-team-profile-set-aside-${copy.at.replace(/[:.]/g, '-')}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    });
  const deleteSetAside = (copy: SetAsideInfo) =>
    guarded(async () => {
      if (!window.confirm(o.confirmDelete(copy.at))) return;
      await send({ type: 'delete-set-aside', id: copy.id, confirmed: true });
      await load();
    });
  const forget = () =>
    guarded(async () => {
      await send({ type: 'forget-everything', confirmed: true });
      setConfirming(false);
      await load(true);
      await loadPrefs();
      setStatus({ kind: 'ok', text: o.forgotten });
      focusNext.current = '#forget';
    });
  const removeId = (i: number) => {
    const removed = (latest.current ?? profile).partnerIds[i];
    if (!removed) return;
    edit((q) => void q.partnerIds.splice(i, 1));
    void save(latest.current!).then(() => {
      setStatus({
        kind: 'ok',
        text: o.removed(removed.id),
        undo: () => {
          edit((q) => void q.partnerIds.splice(Math.min(i, q.partnerIds.length), 0, removed));
          void save(latest.current!).then(() => setStatus({ kind: 'ok', text: o.restored(removed.id) }));
          focusNext.current = `tr[data-partner-id="${removed.id}"] button`;
        },
      });
      // Focus stays with the list's own controls: the Undo just offered.
      focusNext.current = '#undo';
    });
  };
  const addId = () => {
    const raw = newId.id.normalize('NFKC').trim();
    const id = raw.replace(/[\s-]/g, '');
    if (!/^\d{5,8}$/.test(id)) {
      setStatus({ kind: 'errors', errors: [o.badId(raw)] });
      focusNext.current = '#new-id';
      return;
    }
    if ((latest.current ?? profile).partnerIds.some((p) => p.id === id)) {
      setStatus({ kind: 'errors', errors: [o.duplicateId(id)] });
      focusNext.current = '#new-id';
      return;
    }
    const countryText = newId.country.trim();
    const country = countryText ? resolveCountry(countryText) : undefined;
    if (countryText && !country) {
      setStatus({ kind: 'errors', errors: [o.badCountry(countryText)] });
      focusNext.current = '#new-country';
      return;
    }
    edit(
      (p) =>
        void p.partnerIds.push({ id, type: newId.type, ...(country ? { country } : {}), source: 'user', at: new Date().toISOString() }),
    );
    setNewId({ id: '', type: 'location', country: '' });
    void save(latest.current!).then(() => setStatus({ kind: 'ok', text: o.added(id) }));
    focusNext.current = '#new-id';
  };
  const exportFile = async () => {
    // The enrollment progress travels with the profile (what pages showed and what you set by hand).
    const { progress } = await send({ type: 'get-progress' });
    const blob = new Blob([`${JSON.stringify({ ...profile, progress: exportedProgress(progress) }, null, 2)}\n`], {
      type: 'application/json',
    });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'csp-team-profile.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  return (
    <main class="options" lang={locale}>
      <h1>{t.optionsTitle}</h1>
      {problem ? (
        <div class="notice" role="alert" data-testid="unreadable">
          <p>{o.unreadable}</p>
          <ul>
            {problem.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          <button
            type="button"
            id="dismiss-unreadable"
            onClick={() =>
              void guarded(async () => {
                await send({ type: 'dismiss-unreadable' });
                await load();
              })
            }
          >
            {o.dismiss}
          </button>
        </div>
      ) : null}
      {setAside.length > 0 ? (
        <section data-testid="set-aside">
          <h2>{o.setAsideTitle}</h2>
          <ul>
            {setAside.map((copy) => (
              <li key={copy.id} data-set-aside={copy.id}>
                {copy.at}: {copy.errors.slice(0, 3).join('; ')}{' '}
                <button type="button" class="download-set-aside" onClick={() => void downloadSetAside(copy)}>
                  {o.download}
                </button>{' '}
                <button type="button" class="delete-set-aside" onClick={() => void deleteSetAside(copy)}>
                  {o.deleteCopy}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="language-title">
        <h2 id="language-title">{o.language}</h2>
        <label>
          {o.language}
          <select
            id="language"
            aria-describedby="language-help"
            value={chosenLanguage() ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              void guarded(async () => {
                await send({ type: 'set-language', language: value === 'en' || value === 'ja' ? value : null });
              });
            }}
          >
            <option value="">{o.languageBrowser(LANGUAGE_NAMES[localeFrom(browser.i18n.getUILanguage())])}</option>
            <LanguageOptions />
          </select>
        </label>
        <p class="hint" id="language-help">
          {o.languageHelp}
        </p>
      </section>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save(latest.current ?? profile);
        }}
        onChange={autosave}
      >
        <fieldset>
          <legend>{o.distributor}</legend>
          <label>
            {o.distributorRegion}
            <select
              id="distributor-region"
              value={profile.distributor?.region ?? ''}
              onChange={(e) => edit((p) => setDistributorRegion(p, e.currentTarget.value))}
            >
              <RegionOptions locale={locale} none={o.noRegion} />
            </select>
          </label>
          <label>
            {o.distributorName}
            <input
              id="distributor-name"
              value={profile.distributor?.name ?? ''}
              onInput={(e) =>
                edit((p) => {
                  const name = e.currentTarget.value;
                  if (p.distributor) p.distributor.name = name;
                })
              }
              disabled={!profile.distributor}
              aria-describedby={profile.distributor ? undefined : 'distributor-name-hint'}
            />
          </label>
          <label>
            {o.distributorEmail}
            <input
              id="distributor-email"
              type="email"
              value={profile.distributor?.email ?? ''}
              onInput={(e) =>
                edit((p) => {
                  const email = e.currentTarget.value.trim();
                  if (p.distributor) p.distributor.email = email || undefined;
                })
              }
              disabled={!profile.distributor}
            />
          </label>
          {profile.distributor ? null : (
            <p class="hint" id="distributor-name-hint">
              {o.regionFirst}
            </p>
          )}
        </fieldset>
        <fieldset>
          <legend>{o.company}</legend>
          <label>
            {o.companyName}
            <input
              id="company-name"
              value={profile.company.name ?? ''}
              onInput={(e) =>
                edit((p) => {
                  p.company.name = e.currentTarget.value || undefined;
                })
              }
            />
          </label>
          <label>
            {o.companyCountry}
            <input
              id="company-country"
              value={profile.company.country ?? ''}
              onChange={(e) =>
                edit((p) => {
                  const v = e.currentTarget.value.trim();
                  p.company.country = v ? (resolveCountry(v) ?? v) : undefined;
                })
              }
            />
          </label>
          <label>
            {o.companyDomains}
            <input
              id="company-domains"
              value={profile.company.domains.join(', ')}
              onChange={(e) =>
                edit((p) => {
                  p.company.domains = e.currentTarget.value
                    .split(/[,\s、]+/)
                    .map((d) => d.trim().replace(/^@/, ''))
                    .filter(Boolean);
                })
              }
            />
          </label>
          {profile.company.address ? (
            <p class="hint" data-testid="company-address">
              {o.submittedAddress}:{' '}
              {addressOrder(profile.company.address.country ?? profile.company.country)
                .map((p) => profile.company.address?.[p])
                .filter(Boolean)
                .join(locale === 'ja' ? ' ' : ', ')}
            </p>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>{o.partnerIds}</legend>
          <p class="hint">{o.partnerIdsHelp}</p>
          <table data-testid="partner-ids">
            <thead>
              <tr>
                <th>{o.id}</th>
                <th>{o.type}</th>
                <th>{o.country}</th>
                <th>{o.source}</th>
                <th>{o.date}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {profile.partnerIds.map((p, i) => (
                <tr key={p.id} data-partner-id={p.id} data-type={p.type}>
                  <td>{p.id}</td>
                  <td>{p.type === 'global' ? o.global : o.location}</td>
                  <td>{p.country ?? ''}</td>
                  <td>{o.sources[p.source] ?? p.source}</td>
                  <td>{dateOf(p.at, locale)}</td>
                  <td>
                    <button type="button" class="secondary" aria-label={`${o.remove} ${p.id}`} onClick={() => removeId(i)}>
                      {o.remove}
                    </button>
                  </td>
                </tr>
              ))}
              <tr>
                <td>
                  <input
                    id="new-id"
                    inputMode="numeric"
                    aria-label={o.addId}
                    value={newId.id}
                    onInput={(e) => setNewId({ ...newId, id: e.currentTarget.value })}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        addId();
                      }
                    }}
                  />
                </td>
                <td>
                  <select
                    id="new-type"
                    aria-label={o.addType}
                    value={newId.type}
                    onChange={(e) => setNewId({ ...newId, type: e.currentTarget.value as 'global' | 'location' })}
                  >
                    <option value="location">{o.location}</option>
                    <option value="global">{o.global}</option>
                  </select>
                </td>
                <td>
                  <input
                    id="new-country"
                    size={4}
                    aria-label={o.addCountry}
                    value={newId.country}
                    onInput={(e) => setNewId({ ...newId, country: e.currentTarget.value })}
                  />
                </td>
                <td />
                <td />
                <td>
                  <button type="button" id="add-id" onClick={addId}>
                    {o.add}
                  </button>
                </td>
              </tr>
            </tbody>
          </table>
          <label>
            {o.associated}
            <input
              id="associated"
              value={profile.associatedPartnerId ?? ''}
              onInput={(e) =>
                edit((p) => {
                  p.associatedPartnerId = e.currentTarget.value.normalize('NFKC').trim() || undefined;
                })
              }
            />
          </label>
        </fieldset>
        <fieldset>
          <legend>{o.verifiedAddress}</legend>
          <p class="hint">{o.verifiedHelp}</p>
          {profile.verifiedAddress ? (
            <p class="hint" data-testid="verified-source">
              {o.verifiedFrom(
                o.sources[profile.verifiedAddress.source] ?? profile.verifiedAddress.source,
                dateOf(profile.verifiedAddress.confirmedAt, locale),
              )}
            </p>
          ) : null}
          {addressOrder(profile.verifiedAddress?.country ?? profile.company.country).map((part) => (
            <label key={part}>
              {part === 'country' ? o.country : o[part]}
              <input
                id={`verified-${part}`}
                value={profile.verifiedAddress?.[part] ?? ''}
                onInput={(e) =>
                  edit((p) => {
                    const value = e.currentTarget.value;
                    p.verifiedAddress = {
                      ...(p.verifiedAddress ?? { source: 'user' }),
                      [part]: value || undefined,
                      source: 'user',
                      confirmedAt: new Date().toISOString(),
                    };
                  })
                }
              />
            </label>
          ))}
        </fieldset>
        <p>
          <button type="submit" id="save">
            {o.save}
          </button>
        </p>
      </form>
      <section>
        <h2>{o.teamProfile}</h2>
        <p class="hint">{o.teamProfileHelp}</p>
        <p>
          <button type="button" id="export" onClick={() => void exportFile()}>
            {o.exportButton}
          </button>{' '}
          <label class="file">
            {o.importButton}
            <input
              type="file"
              id="import-file"
              accept="application/json,.json"
              onChange={async (e) => {
                const file = e.currentTarget.files?.[0];
                if (file) await importText(file.size > LIMITS.importText * 4 ? '' : await file.text(), file.size);
                e.currentTarget.value = '';
              }}
            />
          </label>
        </p>
        <textarea
          id="import-text"
          rows={8}
          value={pasted}
          onInput={(e) => setPasted(e.currentTarget.value)}
          placeholder='{ "format": "csp-reseller-assistant/team-profile", "version": 2, … }'
        />
        <p>
          <button type="button" id="import-paste" onClick={() => void importText(pasted)}>
            {o.importPaste}
          </button>
        </p>
      </section>
      <section aria-labelledby="ignored-title" data-testid="ignored">
        <h2 id="ignored-title">{o.ignoredTitle}</h2>
        <p class="hint">{o.ignoredHelp}</p>
        {prefs && prefs.ignored.length > 0 ? (
          <ul>
            {prefs.ignored.map((i) => (
              <li key={`${i.code}|${i.path}|${i.label}`} data-ignored-code={i.code}>
                {o.ignoredOn(i.label, i.path, dateOf(i.at, locale))} <span class="code">{t.details(i.code)}</span>{' '}
                <button
                  type="button"
                  class="secondary"
                  onClick={() =>
                    void guarded(async () => {
                      setPrefs((await send({ type: 'unignore', code: i.code, label: i.label, path: i.path })).prefs);
                      focusNext.current = '#ignored-title';
                    })
                  }
                >
                  {o.showAgain}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{o.noneIgnored}</p>
        )}
      </section>
      <section aria-labelledby="forget-title">
        <h2 id="forget-title" tabIndex={-1}>
          {o.forgetTitle}
        </h2>
        <p class="hint">{o.forgetHelp}</p>
        {confirming ? (
          <div class="confirm" role="group" aria-labelledby="forget-confirm">
            <p id="forget-confirm">{o.forgetConfirm}</p>
            <div class="row-actions">
              <button type="button" id="forget-export" onClick={exportFile}>
                {o.exportFirst}
              </button>
              <button type="button" id="forget-now" class="danger" onClick={() => void forget()}>
                {o.forgetNow}
              </button>
              <button
                type="button"
                id="forget-cancel"
                class="secondary"
                onClick={() => {
                  setConfirming(false);
                  focusNext.current = '#forget';
                }}
              >
                {o.cancel}
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            id="forget"
            class="secondary"
            onClick={() => {
              setConfirming(true);
              focusNext.current = '#forget-export';
            }}
          >
            {o.forgetButton}
          </button>
        )}
      </section>
      {status ? (
        status.kind === 'ok' ? (
          <p class="status ok" role="status" data-testid="status">
            {status.text}{' '}
            {status.undo ? (
              <button type="button" id="undo" class="secondary" onClick={status.undo}>
                {o.undo}
              </button>
            ) : null}
          </p>
        ) : (
          <div class="status errors" role="alert" data-testid="errors">
            <p>{o.errors}</p>
            <ul>
              {status.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        )
      ) : null}
      <p class="privacy">{t.privacy}</p>
      <p class="version">v{browser.runtime.getManifest().version}</p>
    </main>
  );
}
