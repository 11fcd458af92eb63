import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { buildReport, type Environment } from '../../rules/report/build';
import { HIDDEN_WORDS, toMarkdown, toPlainText } from '../../rules/report/format';
import { ALL_HIDDEN, CATEGORIES, type Shown } from '../../rules/report/redact';
import type { FieldSeen } from '../../rules/report/sensitive';
import type { Locale } from '../../rules/types';
import type { ExtensionResponses, TabState } from '../contract/extension';
import { reportSnapshotSchema, type ReportSnapshot, type ReportSnapshotRequest } from '../contract/page';
import { reportJson } from '../contract/report';
import { LanguageOptions } from './choices';
import { sendFromExtension as send } from '../send';
import { uiLocale } from './locale';
import { reportStrings } from './report-strings';
import { takeScreenshot } from './screenshot';

interface Loaded {
  tab: TabState | null;
  progress: ExtensionResponses['get-progress'];
  profile: ExtensionResponses['get-profile']['profile'];
  snapshots: { frameId: number; snapshot: ReportSnapshot }[];
  readFailed: boolean;
}

/** The tab the report is about: `?tab=` (from the popup, the sidebar or the keyboard command). */
const requestedTab = (): number | undefined => {
  const n = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** Asks each frame of the tab what it shows (validated: a frame's answer is data, not trusted). */
async function readSnapshots(tab: TabState): Promise<{ snapshots: Loaded['snapshots']; failed: boolean }> {
  const frames = [...new Set([0, ...Object.keys(tab.frames).map(Number)])];
  let failed = false;
  const snapshots: Loaded['snapshots'] = [];
  for (const frameId of frames) {
    try {
      const request: ReportSnapshotRequest = { type: 'report-snapshot' };
      const parsed = reportSnapshotSchema.safeParse(await browser.tabs.sendMessage(tab.tabId, request, { frameId }));
      if (parsed.success) snapshots.push({ frameId, snapshot: parsed.data });
      else if (frameId === 0) failed = true;
    } catch {
      if (frameId === 0) failed = true;
    }
  }
  return { snapshots, failed };
}

function environment(snapshots: Loaded['snapshots'], now: Date): Environment {
  const ua = navigator.userAgent;
  const browserName = /Firefox\/([\d.]+)/.exec(ua)
    ? `Firefox ${/Firefox\/([\d.]+)/.exec(ua)![1]}`
    : /Edg\/([\d.]+)/.exec(ua)
      ? `Edge ${/Edg\/([\d.]+)/.exec(ua)![1]}`
      : /Chrome\/([\d.]+)/.exec(ua)
        ? `Chrome/Chromium ${/Chrome\/([\d.]+)/.exec(ua)![1]}`
        : ua.slice(0, 100);
  const os = /Windows NT ([\d.]+)/.exec(ua)
    ? `Windows (NT ${/Windows NT ([\d.]+)/.exec(ua)![1]})`
    : /Mac OS X ([\d_.]+)/.test(ua)
      ? `macOS ${/Mac OS X ([\d_.]+)/.exec(ua)![1]!.replace(/_/g, '.')}`
      : /CrOS/.test(ua)
        ? 'ChromeOS'
        : /Linux/.test(ua)
          ? 'Linux'
          : navigator.platform || 'unknown';
  const offset = -now.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const hhmm = `${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())} (UTC${sign}${hhmm}, ${Intl.DateTimeFormat().resolvedOptions().timeZone ?? ''})`;
  return {
    extensionVersion: browser.runtime.getManifest().version,
    browser: browserName,
    os,
    uiLanguage: browser.i18n.getUILanguage(),
    pageLanguage: snapshots.find((s) => s.frameId === 0)?.snapshot.lang || '(not given)',
    timeUtc: now.toISOString(),
    timeLocal: local,
  };
}

/** Copies text: the async clipboard first, else the older way (a selected textarea). */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/** Saves text (or a data URL) as a file, through a link: no `downloads` permission, no request. */
function download(name: string, data: Blob | string): void {
  const href = typeof data === 'string' ? data : URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  if (typeof data !== 'string') setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

export function Report() {
  const [locale, setLocale] = useState<Locale>(uiLocale());
  const [shown, setShown] = useState<Shown>(ALL_HIDDEN);
  const [withShot, setWithShot] = useState(false);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [status, setStatus] = useState('');
  const [now] = useState(() => new Date());
  const t = reportStrings(locale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  useEffect(() => {
    void (async () => {
      const [{ state: tab }, progress, { profile }] = await Promise.all([
        send({ type: 'get-tab-state', tabId: requestedTab() }),
        send({ type: 'get-progress' }),
        send({ type: 'get-profile' }),
      ]);
      const { snapshots, failed } = tab ? await readSnapshots(tab) : { snapshots: [], failed: false };
      setLoaded({ tab, progress, profile, snapshots, readFailed: failed });
    })();
  }, []);

  const report = useMemo(() => {
    if (!loaded) return null;
    const { tab, snapshots } = loaded;
    // Field ids of other frames carry their frame's prefix, as the tab state's issues do.
    const fields: FieldSeen[] = snapshots.flatMap(({ frameId, snapshot }) =>
      snapshot.fields.map((f) => ({ ...f, id: frameId === 0 ? f.id : `${frameId}:${f.id}` })),
    );
    return buildReport({
      locale,
      shown,
      url: tab?.url ?? '',
      title: tab?.title ?? '',
      issues: tab?.issues ?? [],
      fields,
      portalErrors: snapshots.flatMap((s) => s.snapshot.portalErrors),
      progress: loaded.progress.progress,
      facts: loaded.progress.facts,
      profile: loaded.profile,
      environment: environment(snapshots, now),
    });
  }, [loaded, locale, shown, now]);

  const markdown = report ? toMarkdown(report) : '';
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const base = `csp-issue-report-${stamp}`;
  const to = loaded?.profile.distributor?.email ?? '';
  const mailto = report
    ? `mailto:${encodeURIComponent(to).replace('%40', '@')}?subject=${encodeURIComponent(t.emailSubject(report.title))}&body=${encodeURIComponent(t.emailBody(report.summary))}`
    : '';

  async function onCopy(text: string) {
    setStatus((await copy(text)) ? t.copied : t.copyFailed);
  }

  async function shot() {
    if (!withShot || !loaded?.tab) return;
    const result = await takeScreenshot(loaded.tab.tabId, Object.keys(loaded.tab.frames).map(Number));
    if (result.ok) {
      download(`${base}.png`, result.dataUrl);
      setStatus((s) => `${s} ${t.shotDone(`${base}.png`)}`);
    } else
      setStatus((s) => `${s} ${t.shotFailed(/activeTab|all_urls|permission/i.test(result.error) ? t.shotNeedsGesture : result.error)}`);
  }

  async function onDownload(kind: 'md' | 'json') {
    if (!report) return;
    if (kind === 'md') {
      download(`${base}.md`, new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
      setStatus(t.downloaded(`${base}.md`));
    } else {
      const json = reportJson(report);
      if (!json.ok) {
        setStatus(t.jsonInvalid(json.errors.join('; ')));
        return;
      }
      download(`${base}.json`, new Blob([json.text], { type: 'application/json' }));
      setStatus(t.downloaded(`${base}.json`));
    }
    await shot();
  }

  const hidden = CATEGORIES.filter((c) => !shown[c]);
  return (
    <main class="report-page" lang={locale}>
      <h1>{t.title}</h1>
      <p class="hint">{t.intro}</p>
      {loaded === null ? (
        <p class="loading" role="status">
          {t.loading}
        </p>
      ) : loaded.tab === null ? (
        <p class="notice" data-testid="no-tab">
          {t.noTab}
        </p>
      ) : (
        <p data-testid="report-tab">{t.forTab(report?.environment.page ?? '')}</p>
      )}
      {loaded?.readFailed ? <p class="notice">{t.tabGone}</p> : null}
      <div class="report-grid">
        <section aria-labelledby="choices" class="report-choices">
          <h2 id="choices">{t.privacyTitle}</h2>
          <label class="row">
            {t.language}{' '}
            <select id="report-language" value={locale} onChange={(e) => setLocale(e.currentTarget.value === 'ja' ? 'ja' : 'en')}>
              <LanguageOptions />
            </select>
          </label>
          <fieldset>
            <legend>{t.privacyHelp}</legend>
            {CATEGORIES.map((c) => (
              <label key={c} class="row">
                <input
                  type="checkbox"
                  id={`show-${c}`}
                  checked={shown[c]}
                  onChange={(e) => setShown({ ...shown, [c]: e.currentTarget.checked })}
                />{' '}
                {t.show[c]}
              </label>
            ))}
          </fieldset>
          <h3>{t.hiddenTitle}</h3>
          {hidden.length === 0 ? (
            <p data-testid="hidden-list">{t.nothingHidden}</p>
          ) : (
            <ul data-testid="hidden-list">
              {hidden.map((c) => (
                <li key={c} data-category={c}>
                  {HIDDEN_WORDS[locale][c]}
                </li>
              ))}
            </ul>
          )}
          <label class="row">
            <input type="checkbox" id="with-screenshot" checked={withShot} onChange={(e) => setWithShot(e.currentTarget.checked)} />{' '}
            {t.screenshot}
          </label>
          <p class="hint">{t.screenshotHelp}</p>
          <h2>{t.actionsTitle}</h2>
          <div class="actions">
            <button type="button" id="copy-md" disabled={!report} onClick={() => void onCopy(markdown)}>
              {t.copyMd}
            </button>
            <button
              type="button"
              id="copy-text"
              class="secondary"
              disabled={!report}
              onClick={() => report && void onCopy(toPlainText(report))}
            >
              {t.copyText}
            </button>
            <button type="button" id="download-md" class="secondary" disabled={!report} onClick={() => void onDownload('md')}>
              {t.downloadMd}
            </button>
            <button type="button" id="download-json" class="secondary" disabled={!report} onClick={() => void onDownload('json')}>
              {t.downloadJson}
            </button>
          </div>
          <p>
            <a id="email-distributor" class="button-link" href={mailto} onClick={() => void copy(markdown)}>
              {t.email}
            </a>
          </p>
          <p class="hint">
            {t.emailHelp(to)}{' '}
            {to ? null : (
              <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
                {t.settings}
              </button>
            )}
          </p>
          <p role="status" class="status ok" data-testid="report-status">
            {status}
          </p>
        </section>
        <section aria-labelledby="preview-title" class="report-preview">
          <h2 id="preview-title">{t.previewTitle}</h2>
          <pre data-testid="preview" tabIndex={0} aria-labelledby="preview-title" lang={locale}>
            {markdown}
          </pre>
        </section>
      </div>
    </main>
  );
}
