/**
 * WCAG 1.4.10 Reflow: at a phone's width the page scrolls only vertically. A wide table may scroll inside its own
 * focusable region (`.table-scroll`), never the page.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The little of the DOM the check reads in the page (the e2e project compiles without the DOM library). */
interface PageElement {
  id: string;
  className: unknown;
  tagName: string;
  parentElement: PageElement | null;
  children: ArrayLike<PageElement>;
  getBoundingClientRect(): { right: number; width: number };
}
interface PageWindow {
  document: { documentElement: { scrollWidth: number }; body: PageElement & { querySelectorAll(selector: string): ArrayLike<PageElement> } };
  getComputedStyle(element: PageElement): { overflowX: string; position: string };
}

/** Fails when the page is wider than the viewport, naming the elements that stick out past its right edge. */
export async function expectNoHorizontalOverflow(page: Page, name: string): Promise<void> {
  // The context's viewport, not `innerWidth`: a phone browser (isMobile) widens its layout viewport to content
  // that overflows, so `innerWidth` grows with the fault it should reveal.
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('expectNoHorizontalOverflow needs a page opened with a viewport (openPage)');
  const found = await page.evaluate((width) => {
    const win = globalThis as unknown as PageWindow;
    const doc = win.document;
    const getComputedStyle = (el: PageElement) => win.getComputedStyle(el);
    const scrollWidth = doc.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (scrollWidth > width) {
      const sticksOut = (el: PageElement) => el.getBoundingClientRect().right > width + 0.5;
      // inside a scroll container (a `.table-scroll` region) an element may be as wide as it needs
      const scrolled = (el: PageElement) => {
        for (let up = el.parentElement; up && up !== doc.body; up = up.parentElement) {
          if (getComputedStyle(up).overflowX !== 'visible') return true;
        }
        return false;
      };
      const describe = (el: PageElement) => {
        const id = el.id ? `#${el.id}` : '';
        const classes = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        return `${el.tagName.toLowerCase()}${id}${classes} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`;
      };
      // the innermost elements that stick out (none of their children does): where the width comes from
      for (const el of Array.from(doc.body.querySelectorAll('*'))) {
        if (!sticksOut(el) || el.getBoundingClientRect().width === 0 || getComputedStyle(el).position === 'fixed') continue;
        if (Array.from(el.children).some(sticksOut) || scrolled(el)) continue;
        culprits.push(describe(el));
        if (culprits.length >= 8) break;
      }
    }
    return { width, scrollWidth, culprits };
  }, viewport.width);
  expect(found.scrollWidth, `${name}: the page is ${found.scrollWidth} px wide in a ${found.width} px viewport; sticking out: ${found.culprits.join('; ') || '—'}`).toBeLessThanOrEqual(found.width);
}
