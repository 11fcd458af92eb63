import type { DomainInfo, Issue } from '../rules/types';

/**
 * Messages between the content script, the background and the extension pages. The background validates
 * every message it receives (see `components/background/messages.ts`); these are the shapes.
 */

/** An issue as shown outside the page: with the field's label instead of a DOM reference. */
export interface TabIssue extends Issue {
  fieldLabel: string;
}

export interface TabState {
  tabId: number;
  url: string;
  title: string;
  issues: TabIssue[];
  updatedAt: number;
}

export type Request =
  | { type: 'lookup-domains'; hosts: string[] }
  | { type: 'report-issues'; url: string; title: string; issues: TabIssue[] }
  | { type: 'get-tab-state'; tabId?: number };

export interface Responses {
  'lookup-domains': { domains: DomainInfo[] };
  'report-issues': { ok: true };
  'get-tab-state': { state: TabState | null; fromOtherTab: boolean };
}

/** Broadcast by the background to extension pages when a tab's issues change. */
export interface TabStateChanged {
  type: 'tab-state-changed';
  tabId: number;
}
