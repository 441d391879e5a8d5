/**
 * Staff tab benchmark: the Portefeuille with 10,000 dossiers against an empty portfolio, in headless Chromium.
 *
 *   tsx bot/bench/tab-bench.ts        (npm run bench:tab)
 *
 * Each portfolio runs on its own app instance, started like the e2e suite does (`scripts/start.mjs` on a
 * fresh data folder): `SEED_DOSSIERS=10000` for the large one, `SEED_DEMO=false` for the empty one.
 * Measures the time from navigation to the Portefeuille's first row (or, when empty, its empty state),
 * the frame times (requestAnimationFrame deltas) while scrolling the grid to the last dossier, and the
 * gzip size of the JS the first page loads. The last line is
 * `RESULT initial_js_gzip_kb=<n> first_row_ratio=<x> p95_frame_ms=<y>`.
 */
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "@playwright/test";
import { initialJsSize } from "../../tab/scripts/initial-js-size";
import { startAppProcess } from "./lib/app-process";
import { chromiumLaunchOptions } from "../../e2e/chromium";

const LARGE = Number(process.env.BENCH_DOSSIERS ?? 10_000);
/** The story's five dossiers come on top of the generated ones. */
const STORY_DOSSIERS = 5;
const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const SCROLL_STEP_PX = 1_200;

interface App {
  url: string;
  /** The sign-in link `npm start` prints (with this run's secret). */
  signInUrl: string;
  stop(): Promise<void>;
}

/** `scripts/start.mjs` on a fresh data folder, as e2e/global-setup.ts does, with extra environment. */
async function startApp(extraEnv: Record<string, string>): Promise<App> {
  const app = await startAppProcess({ via: "start", env: extraEnv });
  return { url: app.url, signInUrl: app.signInUrl, stop: () => app.stop() };
}

/** Records, in the page, when the Portefeuille first shows a dossier row or its empty state. */
const WATCH_FIRST_ROW = `
  (() => {
    const ready = () =>
      [...document.querySelectorAll('[role="grid"] [role="row"][aria-rowindex="2"] [role="gridcell"]')].some(
        (cell) => cell.textContent.trim() !== "",
      ) || document.querySelector("main section[aria-labelledby]") !== null;
    const check = () => {
      if (window.__firstRowAt === undefined && ready()) window.__firstRowAt = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  })();
`;

/** Scrolls the grid to its end one step per frame, keeping every frame's duration; resolves when the last row shows data. */
const SCROLL_TO_END = `
  new Promise((resolve, reject) => {
    const grid = document.querySelector('[role="grid"]');
    if (!grid) return reject(new Error("no grid"));
    const total = Number(grid.getAttribute("aria-rowcount"));
    const frames = [];
    let last = performance.now();
    const started = last;
    const lastRowLoaded = () => {
      const row = grid.querySelector('[role="row"][aria-rowindex="' + total + '"]');
      return row !== null && row.querySelector('[role="gridcell"]').textContent.trim() !== "";
    };
    const step = (now) => {
      frames.push(now - last);
      last = now;
      if (now - started > 120000) return reject(new Error("the grid did not reach its last row in 2 minutes"));
      const atEnd = grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 1;
      if (atEnd && lastRowLoaded()) return resolve({ frames, ms: now - started, total });
      grid.scrollTop = Math.min(grid.scrollTop + ${SCROLL_STEP_PX}, grid.scrollHeight);
      requestAnimationFrame(step);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(step);
    });
  })
`;

interface ScrollResult {
  frames: number[];
  ms: number;
  total: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function signedInPage(browser: Browser, app: App): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1400, height: 900 } });
  await context.addInitScript(WATCH_FIRST_ROW);
  const page = await context.newPage();
  // The printed link sets the sign-in cookie, then opens the tab, which goes on to the sign-in page.
  await page.goto(app.signInUrl);
  await page.getByRole("button", { name: /Camille Martin/ }).click();
  await page.getByRole("heading", { level: 1, name: "Portefeuille" }).waitFor();
  return page;
}

/** Median time from navigation start to the first row (or empty state), over `LOADS` fresh loads. */
async function firstRowMs(page: Page): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    await page.reload();
    await page.waitForFunction("window.__firstRowAt !== undefined", undefined, { timeout: 60_000 });
    times.push(await page.evaluate<number>("window.__firstRowAt"));
  }
  return median(times);
}

async function measure(browser: Browser, app: App, scroll: boolean) {
  const page = await signedInPage(browser, app);
  const firstRow = await firstRowMs(page);
  const scrolled = scroll ? await page.evaluate<ScrollResult>(SCROLL_TO_END) : null;
  await page.context().close();
  return { firstRow, scrolled };
}

export async function benchTab(): Promise<{ initialJsKb: number; firstRowRatio: number; p95FrameMs: number }> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const empty = await startApp({ SEED_DEMO: "false" });
    let baseline: Awaited<ReturnType<typeof measure>>;
    try {
      baseline = await measure(browser, empty, false);
    } finally {
      await empty.stop();
    }

    const large = await startApp({ SEED_DOSSIERS: String(LARGE), SEED_CONTACTS: "20" });
    let big: Awaited<ReturnType<typeof measure>>;
    try {
      big = await measure(browser, large, true);
    } finally {
      await large.stop();
    }

    // Both instances built the tab if needed: the build on disk is the one that was measured.
    const initial = initialJsSize();
    const frames = big.scrolled?.frames ?? [];
    const rows = (big.scrolled?.total ?? 1) - 1;
    if (rows !== LARGE + STORY_DOSSIERS)
      throw new Error(`Expected ${LARGE + STORY_DOSSIERS} dossiers, the grid had ${rows}`);
    const p95 = percentile(frames, 95);
    console.log(`Initial JS: ${initial.gzipKb} KB gzip (${initial.chunks.length} chunks)`);
    console.log(`First row, empty portfolio: ${baseline.firstRow.toFixed(0)} ms (median of ${LOADS})`);
    console.log(`First row, ${rows} dossiers: ${big.firstRow.toFixed(0)} ms (median of ${LOADS})`);
    console.log(
      `Scroll to row ${rows}: ${((big.scrolled?.ms ?? 0) / 1000).toFixed(1)} s, ${frames.length} frames, ` +
        `median ${median(frames).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms`,
    );
    return {
      initialJsKb: initial.gzipKb,
      firstRowRatio: big.firstRow / baseline.firstRow,
      p95FrameMs: p95,
    };
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await benchTab();
  console.log(
    `RESULT initial_js_gzip_kb=${result.initialJsKb.toFixed(1)} first_row_ratio=${result.firstRowRatio.toFixed(2)} p95_frame_ms=${result.p95FrameMs.toFixed(1)}`,
  );
}
