// Launch options for Debian's Chromium, shared by every tool that drives a browser
// (Vitest browser mode, Storybook tests, end-to-end tests and benchmarks).
// Playwright's own browser download is not used: CI installs the `chromium` package instead.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/** Finds the Chromium binary: `CHROMIUM_PATH`, then `chromium` / `chromium-browser` on PATH. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv && existsSync(fromEnv)) return fromEnv
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim()
      if (found) return found
    } catch {
      // not on PATH; try the next name
    }
  }
  throw new Error(
    'Chromium not found. Install it (Debian: `apt-get install -y chromium`) or set CHROMIUM_PATH.',
  )
}

/** Playwright `launchOptions` for a sandbox-less, network-quiet headless Chromium. */
export function chromiumLaunchOptions() {
  return {
    executablePath: findChromium(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  }
}
