import { resolveCountry } from '../geo/country';
import { fold } from '../text';
import type { PartnerIdFact } from '../types';
import { ASSOCIATED_LABELS, GLOBAL_TYPES, IDENTIFIERS_HEADINGS, labelText, LOCATION_TYPES } from './terms';

/**
 * Reading the Identifiers page, from plain text cells (the DOM part collects them). The page lists each
 * PartnerID with its type (Global / Location) and country; its CSP section shows the Associated PartnerID.
 */

export type LearnedPartnerId = PartnerIdFact & { name?: string };

/** Column or field titles that are never a location's name. */
const HEADER_WORDS = /^(partner ?id|mpn ?id|id|type|country|country\/region|country or region|name|location name|種類|国|国\/地域|名前)$/;

const ID_CELL = /^(?:(?:partner ?id|mpn ?id|id)\s*[:：]?\s*)?(\d{5,8})$/;

/** The PartnerID a cell holds, when the cell is nothing but one (full-width digits allowed). */
export function idInCell(cell: string): string | null {
  return ID_CELL.exec(fold(cell).replace(/\s+(?=\d)/g, ' '))?.[1] ?? null;
}

function typeOf(cell: string): PartnerIdFact['type'] | null {
  const t = labelText(cell);
  if (GLOBAL_TYPES.has(t)) return 'global';
  if (LOCATION_TYPES.has(t)) return 'location';
  if (/\(pga\)/.test(t)) return 'global';
  if (/\(pla\)/.test(t)) return 'location';
  return null;
}

/**
 * The type a section heading announces ("Partner location accounts", "PGA", "グローバル アカウント"),
 * for rows that do not say it themselves.
 */
export function typeOfHeading(heading: string): PartnerIdFact['type'] | null {
  const t = labelText(heading);
  const global = /\bpga\b|global|グローバル/.test(t);
  const location = /\bpla\b|location|ロケーション|拠点/.test(t);
  return global === location ? null : global ? 'global' : 'location';
}

/** The distinct PartnerIDs a text shows on its own or between separators. */
export function idsIn(text: string): string[] {
  return [
    ...new Set(
      pieces([text])
        .map(idInCell)
        .filter((id): id is string => id !== null),
    ),
  ];
}

/** A cell and the pieces of it between separators: `1234567 (Global) · Japan` → 1234567, Global, Japan. */
function pieces(cells: string[]): string[] {
  const out: string[] = [];
  for (const cell of cells) {
    out.push(cell);
    const parts = cell
      .split(/[|·•,;、，:：()（）[\]–—]+/)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length > 1) out.push(...parts);
  }
  return out;
}

/**
 * One row of cells → the PartnerID it describes, or null when it is not exactly one typed PartnerID.
 * `heading` is the row's section heading, used when no cell gives the type.
 */
export function parseIdentifierRow(rowCells: string[], heading = ''): LearnedPartnerId | null {
  const cells = pieces(rowCells);
  const ids = new Set(cells.map(idInCell).filter((id): id is string => id !== null));
  if (ids.size !== 1) return null;
  const id = [...ids][0]!;
  let type: PartnerIdFact['type'] | null = null;
  let country: string | undefined;
  let name: string | undefined;
  for (const cell of cells) {
    // The ID itself, and composite cells that hold it, are neither type, country nor name.
    if (/(^|\D)\d{5,8}(\D|$)/.test(fold(cell))) continue;
    const t = typeOf(cell);
    if (t) {
      type ??= t;
      continue;
    }
    const iso = country ? null : resolveCountry(cell);
    if (iso) {
      country = iso;
      continue;
    }
    const text = cell.trim();
    if (HEADER_WORDS.test(labelText(text))) continue;
    if (text.length > (name?.length ?? 0) && text.length <= 200 && !/^\d+$/.test(text)) name = text;
  }
  type ??= typeOfHeading(heading);
  if (!type) return null;
  return { id, type, ...(country ? { country } : {}), ...(name ? { name } : {}) };
}

/** All typed PartnerIDs in a list of rows; a later row never overrides an earlier one. */
export function parseIdentifierRows(rows: (string[] | { cells: string[]; heading: string })[]): LearnedPartnerId[] {
  const out = new Map<string, LearnedPartnerId>();
  for (const row of rows) {
    const parsed = Array.isArray(row) ? parseIdentifierRow(row) : parseIdentifierRow(row.cells, row.heading);
    if (parsed && !out.has(parsed.id)) out.set(parsed.id, parsed);
  }
  return [...out.values()];
}

/**
 * The Associated PartnerID from a run of texts in page order: the first PartnerID within a few texts
 * after the label (the label may also carry it: "Associated PartnerID: 7654321").
 */
export function parseAssociated(texts: string[]): string | null {
  for (let i = 0; i < texts.length; i++) {
    const t = labelText(texts[i]!);
    const label = ASSOCIATED_LABELS.find((l) => t.startsWith(l));
    if (!label) continue;
    const inline = idInCell(t.slice(label.length).replace(/^[\s:：]+/, ''));
    if (inline) return inline;
    for (const next of texts.slice(i + 1, i + 4)) {
      const id = idInCell(next);
      if (id) return id;
    }
  }
  return null;
}

/**
 * Whether a URL's path is the Identifiers page's. Only the path counts: a query string, a fragment or a
 * heading can be put on any portal page by whoever links to it or renders it, and what this page shows
 * is learned as the company's PartnerIDs.
 */
export function isIdentifiersPage(url: string): boolean {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return false;
  }
  return /^(\/[a-z]{2}-[a-z]{2})?\/dashboard\/(account\/v3|v2\/account-settings)\/organization\/identity(\/|$)/i.test(path);
}

/** Whether a heading names the Identifiers page (識別子, Identifiers): for reading, never for trusting. */
export const isIdentifiersHeading = (heading: string): boolean => IDENTIFIERS_HEADINGS.has(labelText(heading));
