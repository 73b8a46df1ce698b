/**
 * What both the dashboard's browser test and bench/dashboard do to the page: launch Debian's chromium
 * (no browser download is possible here; WebGL through SwiftShader, as there is no GPU) and move the
 * map's time slider.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox'] });
}

/** Sets the slider to `fraction` of its range and fires what a user's drag fires. */
export async function moveSlider(page: Page, fraction: number): Promise<void> {
  await page.evaluate((f) => {
    const slider = document.querySelector<HTMLInputElement>('[data-testid=slider]')!;
    slider.value = String(Math.round(Number(slider.max) * f));
    slider.dispatchEvent(new Event('input'));
    slider.dispatchEvent(new Event('change'));
  }, fraction);
}
