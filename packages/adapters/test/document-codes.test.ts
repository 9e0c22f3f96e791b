/**
 * The barcode and QR code as canvas rectangles (packages/adapters/src/documents/codes.ts) print what bwip-js's SVG
 * and pdfmake's QR code print: the same bars, the same dark modules.
 */
import { createRequire } from 'node:module';
import { toSVG } from 'bwip-js/node';
import { describe, expect, it } from 'vitest';
import { code128, qrCode, type CanvasRect } from '../src/documents/codes';

const require = createRequire(import.meta.url);
const pdfmakeQr = (require('pdfmake/js/qrEnc.js') as { default: { measure(node: object): { _canvas: CanvasRect[] } } }).default;

/** The bars of bwip-js's SVG, as [first module, width in modules]: each is a vertical stroke centred on its x. */
function svgBars(text: string): [number, number][] {
  const svg = toSVG({ bcid: 'code128', text, height: 8, includetext: false, paddingwidth: 0, paddingheight: 0 });
  const bars: [number, number][] = [];
  for (const [, width, d] of svg.matchAll(/stroke-width="(\d+)" d="([^"]+)"/g)) {
    for (const [, x] of d!.matchAll(/M(\d+) /g)) bars.push([(Number(x) - Number(width) / 2) / 2, Number(width) / 2]);
  }
  return bars.sort((a, b) => a[0] - b[0]);
}

describe('Code 128 barcode', () => {
  it.each(['000.00.25.H33-260305-0007', 'H33.99-261128-1234', 'ABC-0001'])('%s: the bars of bwip-js, fitted in the box as its SVG was', (text) => {
    const node = code128(text, 170, 20);
    const expected = svgBars(text);
    const modules = expected.reduce((end, [start, width]) => Math.max(end, start + width), 0);
    // the SVG (2 units a module, 46 high) scaled to fit the box and centred, as pdfmake drew it
    const scale = Math.min(170 / (modules * 2), 20 / 46);
    const module = 2 * scale;
    const left = (170 - modules * module) / 2;
    const bars = node.canvas.map((r) => [Math.round((r.x - left) / module), Math.round(r.w / module)]);
    expect(bars).toEqual(expected);
    for (const r of node.canvas) {
      expect(r.h).toBeCloseTo(46 * scale, 6);
      expect(r.y).toBeCloseTo((20 - r.h) / 2, 6);
    }
    // the node takes the whole box, plus the margin asked for
    const [, top, right, bottom] = code128(text, 170, 20, [0, 2, 0, 0]).margin as number[];
    expect(top).toBe(2);
    expect(left + modules * module + right!).toBeCloseTo(170, 6);
    expect(node.canvas[0]!.y + node.canvas[0]!.h + bottom!).toBeCloseTo(20, 6);
  });
});

describe('QR code', () => {
  it('covers exactly the dark modules of pdfmake’s QR code, with far fewer rectangles', () => {
    const node = { qr: 'https://motcua.hue.gov.vn/xac-thuc/6f1c2e0a-8d0b-4a37-9a51-0d6f3f7c2b11', fit: 48, eccLevel: 'M' };
    const [background, ...modules] = pdfmakeQr.measure({ ...node })._canvas;
    const ours = qrCode(node).canvas;
    expect(ours[0]).toEqual(background);
    const size = modules[0]!.w;
    const cells = (rects: CanvasRect[]): Set<string> => {
      const set = new Set<string>();
      for (const r of rects) {
        for (let y = r.y; y < r.y + r.h; y += size) for (let x = r.x; x < r.x + r.w; x += size) {
          const key = `${x},${y}`;
          expect(set.has(key)).toBe(false); // no module drawn twice
          set.add(key);
        }
      }
      return set;
    };
    expect([...cells(ours.slice(1))].sort()).toEqual([...cells(modules)].sort());
    expect(ours.length).toBeLessThan(modules.length / 2);
  });
});
