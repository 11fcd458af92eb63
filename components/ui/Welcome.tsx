import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { RegionOptions } from './choices';
import { LIMITS } from '../contract/limits';
import { setDistributorRegion, type Profile } from '../contract/profile';
import { sendFromExtension as send } from '../send';
import { checkImport } from './import-errors';
import { uiLocale } from './locale';
import { strings } from './strings';

type Status = { kind: 'ok' | 'errors'; lines: string[] } | null;
const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * The first-run page (opened once, on install): the three things that make the checks sharper, each
 * optional: the distributor's region, the company's email domain, or a team profile to import.
 */
export function Welcome() {
  const locale = uiLocale();
  const t = strings(locale);
  const w = t.welcome;
  const [region, setRegion] = useState('');
  const [domain, setDomain] = useState('');
  const [status, setStatus] = useState<Status>(null);

  /** Applies a change to the stored profile (read fresh, saved with its revision: nothing else is lost). */
  const change = async (edit: (p: Profile) => void) => {
    try {
      const { profile, revision } = await send({ type: 'get-profile' });
      const next = structuredClone(profile);
      edit(next);
      const result = await send({ type: 'save-profile', profile: next, base: profile, baseRevision: revision });
      setStatus(result.ok ? { kind: 'ok', lines: [w.saved] } : { kind: 'errors', lines: result.errors });
    } catch (error) {
      setStatus({ kind: 'errors', lines: [t.opt.failed(error instanceof Error ? error.message : String(error))] });
    }
  };
  const saveRegion = () => change((p) => setDistributorRegion(p, region));
  const saveDomain = () => {
    const d = domain.normalize('NFKC').trim().toLowerCase().replace(/^@/, '');
    if (!DOMAIN.test(d)) {
      setStatus({ kind: 'errors', lines: [w.domainBad(domain.trim())] });
      document.getElementById('welcome-domain')?.focus();
      return;
    }
    void change((p) => {
      if (!p.company.domains.includes(d)) p.company.domains.push(d);
    });
  };
  const importFile = async (file: File) => {
    const text = file.size > LIMITS.importText * 4 ? '' : await file.text();
    if (!text) {
      setStatus({ kind: 'errors', lines: [t.opt.tooLarge((file.size / 1_000_000).toFixed(1))] });
      return;
    }
    const problems = checkImport(text, locale);
    if (problems.length > 0) {
      setStatus({ kind: 'errors', lines: problems });
      return;
    }
    const result = await send({ type: 'import-profile', text });
    setStatus(result.ok ? { kind: 'ok', lines: [t.opt.imported] } : { kind: 'errors', lines: result.errors });
  };

  return (
    <main class="welcome" lang={locale}>
      <h1>{w.title}</h1>
      <p>{w.intro}</p>
      <section aria-labelledby="w-region">
        <h2 id="w-region">{w.region}</h2>
        <p class="hint" id="w-region-help">
          {w.regionHelp}
        </p>
        <label>
          {t.opt.distributorRegion}
          <select id="welcome-region" aria-describedby="w-region-help" value={region} onChange={(e) => setRegion(e.currentTarget.value)}>
            <RegionOptions locale={locale} none={t.opt.noRegion} />
          </select>
        </label>
        <p>
          <button type="button" id="welcome-save-region" onClick={() => void saveRegion()}>
            {w.save}
          </button>
        </p>
      </section>
      <section aria-labelledby="w-domain">
        <h2 id="w-domain">{w.domain}</h2>
        <p class="hint" id="w-domain-help">
          {w.domainHelp}
        </p>
        <label>
          {w.domainLabel}
          <input
            id="welcome-domain"
            aria-describedby="w-domain-help"
            placeholder="contoso.co.jp"
            value={domain}
            onInput={(e) => setDomain(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') saveDomain();
            }}
          />
        </label>
        <p>
          <button type="button" id="welcome-save-domain" onClick={saveDomain}>
            {w.save}
          </button>
        </p>
      </section>
      <section aria-labelledby="w-import">
        <h2 id="w-import">{w.importTitle}</h2>
        <p class="hint" id="w-import-help">
          {w.importHelp}
        </p>
        <label class="file">
          {t.opt.importButton}
          <input
            type="file"
            id="welcome-import"
            aria-describedby="w-import-help"
            accept="application/json,.json"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void importFile(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </section>
      {status ? (
        status.kind === 'ok' ? (
          <p class="status ok" role="status" data-testid="status">
            {status.lines.join(' ')}
          </p>
        ) : (
          <div class="status errors" role="alert" data-testid="errors">
            <p>{t.opt.errors}</p>
            <ul>
              {status.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </div>
        )
      ) : null}
      <p>{w.next}</p>
      <p>
        <button type="button" class="secondary" id="welcome-settings" onClick={() => void browser.runtime.openOptionsPage()}>
          {w.openSettings}
        </button>
      </p>
      <p class="privacy">{t.privacy}</p>
    </main>
  );
}
