/**
 * Launches Debian's Chromium through Playwright with the workspace's shared launch options
 * (`scripts/chromium.js`), as every tool of the workspace that drives a browser does.
 */
import { chromium, type Browser, type LaunchOptions } from 'playwright'

const scriptUrl = new URL('../../../../../scripts/chromium.js', import.meta.url)

/** Launches headless Chromium with `chromiumLaunchOptions()`. */
export async function launchChromium(): Promise<Browser> {
  const { chromiumLaunchOptions } = (await import(scriptUrl.href)) as {
    chromiumLaunchOptions: () => LaunchOptions
  }
  return chromium.launch({ ...chromiumLaunchOptions(), headless: true })
}
