/**
 * Debian Chromium through playwright-core (never a downloaded browser), and pages at the two sizes MotCua must
 * serve: a phone (360×740) and a one-stop desk's counter screen (1366×768).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

export const viewports = {
  phone: { width: 360, height: 740 },
  counter: { width: 1366, height: 768 },
} as const;
export type ViewportName = keyof typeof viewports;
export const viewportNames = Object.keys(viewports) as ViewportName[];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: install Debian's browser with \`apt-get install -y chromium\` (.ci/run does).`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A page in a fresh context (own cookies and storage) at the given size, Huế's time zone, Vietnamese locale.
 * A journey should end with `expect(await page.pageErrors()).toEqual([])` (no uncaught exception in the page).
 */
export async function openPage(browser: Browser, baseUrl: string, viewport: ViewportName): Promise<Page> {
  const context: BrowserContext = await browser.newContext({
    baseURL: baseUrl,
    viewport: viewports[viewport],
    isMobile: viewport === 'phone',
    hasTouch: viewport === 'phone',
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  return context.newPage();
}
