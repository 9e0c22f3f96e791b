/**
 * The dossier code's Code 128 barcode and the verification link's QR code, as pdfmake canvas rectangles.
 *
 * Both used to cost more than their share of a form: the barcode went through bwip-js's SVG writer and then
 * pdfmake's SVG parser (svg-to-pdfkit), and pdfmake draws a QR code as one filled rectangle per dark module (about
 * 600 drawing operations, each with its own line width, dash, join, cap and colour). Here the barcode's bars come
 * straight from bwip-js's encoder and the QR code's modules from pdfmake's own encoder, merged into blocks; what is
 * printed is the same (tested module by module against bwip-js's SVG and pdfmake's QR canvas).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A filled rectangle of a pdfmake canvas. */
export interface CanvasRect {
  readonly type: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  readonly lineWidth?: number;
  readonly color: string;
}

export interface CanvasNode {
  readonly canvas: CanvasRect[];
  readonly margin?: unknown;
  readonly alignment?: unknown;
}

/** bwip-js's encoder: `raw` answers the bars and spaces of a linear symbol ("sbs", widths in modules, bar first). */
const bwip = require('bwip-js/node') as { raw(options: { bcid: string; text: string }): { sbs: number[] }[] };
const qrEncoder = (require('pdfmake/js/qrEnc.js') as { default: { measure(node: object): { _canvas: CanvasRect[] } } }).default;

/** bwip-js's SVG of a linear symbol: 2 units a module, 46 high (height 8, no text, no padding); see `code128`. */
const SVG_UNITS_PER_MODULE = 2;
const SVG_HEIGHT = 46;

const barsCache = new Map<string, readonly number[]>();

/**
 * Code 128 of `text` in a `width` × `height` box, drawn as the renderer used to draw bwip-js's SVG there: scaled to
 * fit, centred. The margins make the node as large as the box (plus the node's own `margin`).
 */
export function code128(text: string, width: number, height: number, margin: readonly number[] = [0, 0, 0, 0]): CanvasNode {
  let sbs = barsCache.get(text);
  if (!sbs) {
    sbs = bwip.raw({ bcid: 'code128', text })[0]!.sbs;
    if (barsCache.size > 1000) barsCache.clear();
    barsCache.set(text, sbs);
  }
  const modules = sbs.reduce((sum, w) => sum + w, 0);
  const scale = Math.min(width / (modules * SVG_UNITS_PER_MODULE), height / SVG_HEIGHT);
  const module = SVG_UNITS_PER_MODULE * scale;
  const barHeight = SVG_HEIGHT * scale;
  const left = (width - modules * module) / 2;
  const top = (height - barHeight) / 2;
  const canvas: CanvasRect[] = [];
  let at = 0;
  sbs.forEach((w, i) => {
    if (i % 2 === 0) canvas.push({ type: 'rect', x: left + at * module, y: top, w: w * module, h: barHeight, color: '#000000' });
    at += w;
  });
  const [ml = 0, mt = 0, mr = 0, mb = 0] = margin;
  return { canvas, margin: [ml, mt, mr + width - left - modules * module, mb + height - top - barHeight] };
}

/**
 * pdfmake's QR code of a `{ qr, fit, eccLevel, … }` node (its encoder, module size and white background), with
 * the dark modules merged: runs along a row, then runs of the same extent in the rows below into one block.
 */
export function qrCode(node: Readonly<Record<string, unknown>>): CanvasNode {
  const [background, ...modules] = qrEncoder.measure({ ...node })._canvas;
  const runs: CanvasRect[] = [];
  for (const m of modules) {
    const last = runs[runs.length - 1];
    if (last && last.y === m.y && last.x + last.w === m.x) last.w += m.w;
    else runs.push({ ...m });
  }
  const blocks: CanvasRect[] = [];
  const open = new Map<string, CanvasRect>();
  for (const run of runs) {
    const key = `${run.x}:${run.w}`;
    const block = open.get(key);
    if (block && block.y + block.h === run.y) block.h += run.h;
    else {
      blocks.push(run);
      open.set(key, run);
    }
  }
  const { margin, alignment } = node;
  return { canvas: background ? [background, ...blocks] : blocks, ...(margin === undefined ? {} : { margin }), ...(alignment === undefined ? {} : { alignment }) };
}
