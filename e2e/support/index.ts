/** The browser-test harness: a served app, Debian Chromium, axe-core checks, screenshots. See docs/web.md. */
export { startServer, systemClock, webDist, type TestServer } from './server';
export { launchBrowser, openPage, viewportNames, viewports, type ViewportName } from './browser';
export { accessibilityViolations, describeViolations, expectAccessible } from './accessibility';
export { screenshot, screenshotDir } from './screenshots';
export { expectNoHorizontalOverflow } from './reflow';
export { totpCode } from './totp';
export { runJobsOnce, startJobRunner } from './jobs';

import type { Page } from 'playwright-core';
import { expectAccessible } from './accessibility';
import { screenshot } from './screenshots';

/** The check every screen gets: no serious or critical axe violation, and a screenshot to review. */
export async function review(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await expectAccessible(page, name);
}
