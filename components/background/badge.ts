import { browser } from 'wxt/browser';
import type { TabIssue } from '../contract/page';

/** Chrome MV3 has `action`; Firefox MV2 has `browserAction`, with the same badge calls. */
type BadgeApi = {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setBadgeTextColor?(details: { tabId: number; color: string }): Promise<void>;
};
const api = (): BadgeApi | undefined =>
  (browser as unknown as { action?: BadgeApi }).action ?? (browser as unknown as { browserAction?: BadgeApi }).browserAction;

export const BADGE_COLORS = { error: '#c50f1f', warning: '#8a5300' } as const;

/** What the toolbar badge of a tab shows: the number of errors (red), else of warnings (amber), else nothing. */
export function badgeOf(issues: readonly TabIssue[]): { text: string; color?: string } {
  const counted = issues.filter((i) => !i.ignored);
  const errors = counted.filter((i) => i.severity === 'error').length;
  if (errors > 0) return { text: String(errors), color: BADGE_COLORS.error };
  const warnings = counted.filter((i) => i.severity === 'warning').length;
  if (warnings > 0) return { text: String(warnings), color: BADGE_COLORS.warning };
  return { text: '' };
}

export async function showBadge(tabId: number, issues: readonly TabIssue[]): Promise<void> {
  const badge = api();
  if (!badge) return;
  const { text, color } = badgeOf(issues);
  try {
    if (color) {
      await badge.setBadgeBackgroundColor({ tabId, color });
      await badge.setBadgeTextColor?.({ tabId, color: '#ffffff' });
    }
    await badge.setBadgeText({ tabId, text });
  } catch {
    // The tab closed meanwhile.
  }
}
