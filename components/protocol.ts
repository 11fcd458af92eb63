import type { DomainInfo, Facts, Issue } from '../rules/types';
import type { Learned } from './background/learn';
import type { Profile } from './background/profile';

export type { Learned, Profile };
/** The facts checks read, as the background hands them to content scripts (domains are looked up apart). */
export type ProfileFacts = Omit<Facts, 'domains'>;

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
  /** Every frame's issues together, the page's own first. */
  issues: TabIssue[];
  /** Each frame's own issues, by frame id (0 is the page itself). */
  frames: Record<string, TabIssue[]>;
  updatedAt: number;
}

export type Request =
  | { type: 'lookup-domains'; hosts: string[] }
  | { type: 'report-issues'; url: string; title: string; issues: TabIssue[] }
  | { type: 'get-tab-state'; tabId?: number }
  | { type: 'get-facts' }
  | { type: 'learn'; learned: Learned }
  | { type: 'get-profile' }
  | { type: 'save-profile'; profile: unknown }
  | { type: 'import-profile'; text: string }
  | { type: 'dismiss-unreadable' };

export type ProfileResult = { ok: true; profile: Profile } | { ok: false; errors: string[] };

export interface Responses {
  'lookup-domains': { domains: DomainInfo[] };
  'report-issues': { ok: true };
  'get-tab-state': { state: TabState | null; fromOtherTab: boolean };
  'get-facts': { facts: ProfileFacts };
  learn: { changed: boolean };
  'get-profile': { profile: Profile; problem?: string[] };
  'save-profile': ProfileResult;
  'import-profile': ProfileResult;
  'dismiss-unreadable': { ok: true };
}

/** Broadcast by the background to extension pages when a tab's issues change. */
export interface TabStateChanged {
  type: 'tab-state-changed';
  tabId: number;
}

/** Sent by the background to portal tabs and extension pages when the profile changes. */
export interface FactsChanged {
  type: 'facts-changed';
  facts: ProfileFacts;
}
