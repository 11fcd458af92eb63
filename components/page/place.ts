/**
 * Where the in-page UI goes: pure geometry on viewport boxes (no DOM), so that it can be tested alone.
 * A mark never covers another field or a dialog it does not belong to; a card never covers its own field
 * and stays inside the viewport.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const box = (left: number, top: number, width: number, height: number): Box => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

/** Whether two boxes overlap (touching edges do not). */
export const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const inside = (a: Box, width: number, height: number) => a.left >= 0 && a.top >= 0 && a.right <= width && a.bottom <= height;

/**
 * The box of the `slot`-th mark (0 = first) of a field: just after the field's end when there is room;
 * else inside the field's end; else above or below its end. Each candidate must lie inside the viewport
 * and off every obstacle (other fields, dialogs, marks already placed). When none does, inside the
 * field's end, shifted into the viewport: it covers only its own field.
 */
export function placeMark(field: Box, slot: number, size: number, view: { width: number; height: number }, obstacles: readonly Box[]): Box {
  const step = size + 4;
  const midTop = field.top + (field.bottom - field.top - size) / 2;
  const endLeft = field.right - step * (slot + 1) + 2;
  const fieldWidth = field.right - field.left;
  const candidates = [box(field.right + 4 + step * slot, midTop, size, size)];
  // Inside the end only when the field stays readable (the mark takes at most a third of it).
  if (step * (slot + 1) <= fieldWidth / 3) candidates.push(box(endLeft, midTop, size, size));
  candidates.push(box(endLeft, field.top - size - 2, size, size), box(endLeft, field.bottom + 2, size, size));
  for (const c of candidates) if (inside(c, view.width, view.height) && !obstacles.some((o) => overlaps(c, o))) return c;
  const left = Math.min(Math.max(0, endLeft), Math.max(0, view.width - size));
  return box(left, midTop, size, size);
}

/**
 * The box of a card of `width` × `height` for a mark beside `field`: below the field (or the mark, if
 * lower), else above, else beside; shifted horizontally into the viewport, with `margin` to its edges.
 * A place off every obstacle (the page's other fields) is preferred, so that the card does not cover the
 * next field while the viewport has room elsewhere. Never over the field itself while the viewport has
 * room anywhere around it.
 */
export function placeCard(
  field: Box,
  mark: Box,
  width: number,
  height: number,
  view: { width: number; height: number },
  margin = 8,
  obstacles: readonly Box[] = [],
): Box {
  const w = Math.min(width, view.width - 2 * margin);
  const anchor: Box = {
    left: Math.min(field.left, mark.left),
    top: Math.min(field.top, mark.top),
    right: Math.max(field.right, mark.right),
    bottom: Math.max(field.bottom, mark.bottom),
  };
  const hLeft = Math.min(Math.max(margin, mark.right - w), view.width - w - margin);
  const vTop = Math.min(Math.max(margin, mark.top), Math.max(margin, view.height - height - margin));
  const candidates = [
    box(hLeft, anchor.bottom + 6, w, height),
    box(hLeft, anchor.top - 6 - height, w, height),
    box(anchor.right + 6, vTop, w, height),
    box(anchor.left - 6 - w, vTop, w, height),
  ].filter((c) => c.left >= margin && c.top >= margin && c.right <= view.width - margin && c.bottom <= view.height - margin);
  const free = candidates.find((c) => !obstacles.some((o) => overlaps(c, o)));
  if (free ?? candidates[0]) return (free ?? candidates[0])!;
  // No room around the field for the whole card: the side with the most room, the card cut to fit
  // (it scrolls), so that it still does not cover the field.
  const roomBelow = view.height - margin - (anchor.bottom + 6);
  const roomAbove = anchor.top - 6 - margin;
  if (roomBelow >= roomAbove) return box(hLeft, anchor.bottom + 6, w, Math.max(roomBelow, 0));
  return box(hLeft, margin, w, Math.max(roomAbove, 0));
}
