import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { signInText } from './web/app/i18n/sign-in';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * What each page's first load may weigh on the wire (brotli, as the server sends it).
 * The sign-in page is what a phone on a slow link opens first: about 90 KB fit in the
 * 3 s it may take on 400 kbps with 300 ms round trips, so it carries no framework. The
 * app's entry is fetched while the person types; the lighter it is, the sooner it is there.
 */
const FIRST_LOAD_BUDGETS: Record<string, number> = {
  'sign-in': 15_000,
  app: 300_000,
};
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const brotliSize = (text: string | Uint8Array) =>
  brotliCompressSync(text, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/**
 * Sums, for each HTML page, the brotli size of the page and of the JavaScript and CSS it
 * loads before anything is lazily imported (the entry chunk, its static imports and their
 * CSS), prints it, and fails the build over budget, so a stray static import is caught.
 */
function firstLoadBudget(): Plugin {
  return {
    name: 'vanphong-first-load-budget',
    apply: 'build',
    writeBundle(_options, bundle) {
      const chunks = new Map<string, OutputChunkLike & { code: string }>();
      for (const output of Object.values(bundle)) if (output.type === 'chunk') chunks.set(output.fileName, output);
      const sizeOf = (fileName: string): number => {
        const output = bundle[fileName];
        if (!output) return 0;
        return brotliSize(output.type === 'chunk' ? output.code : output.source);
      };
      let failed = '';
      for (const [page, budget] of Object.entries(FIRST_LOAD_BUDGETS)) {
        const entry = [...chunks.values()].find((chunk) => chunk.isEntry && chunk.name === page);
        if (!entry) {
          failed += `No entry named ${page}. `;
          continue;
        }
        const files = new Set<string>([page === 'app' ? 'index.html' : `${page}.html`]);
        const visit = (fileName: string): void => {
          if (files.has(fileName)) return;
          files.add(fileName);
          for (const css of chunks.get(fileName)?.viteMetadata?.importedCss ?? []) files.add(css);
          for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
        };
        visit(entry.fileName);
        let total = 0;
        for (const fileName of files) total += sizeOf(fileName);
        const summary = `First load of ${page}: ${files.size} files, ${kB(total)} brotli (budget ${kB(budget)})`;
        console.log(summary);
        if (total > budget) failed += `${summary}. `;
      }
      if (failed) this.error(failed);
    },
  };
}

/**
 * The sign-in page (web/sign-in.html) is plain HTML: its words come from the same module
 * the app uses (`{{key}}` in the page is `signInText[key]`), and the build writes into it
 * the list of files the app needs first (the entry, its static imports and CSS, and the
 * home page's), which the page fetches in the background while the person types.
 */
function signInPage(): Plugin {
  const escapeHtml = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return {
    name: 'vanphong-sign-in-page',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        if (!context.filename.endsWith('sign-in.html')) return html;
        return html.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => {
          const value = (signInText as Record<string, unknown>)[key];
          if (typeof value !== 'string') throw new Error(`sign-in.html: no text named ${key}`);
          return escapeHtml(value);
        });
      },
    },
    generateBundle: {
      // After Vite has written the HTML pages into the bundle.
      order: 'post',
      handler(_options, bundle) {
        const chunks = new Map<string, OutputChunkLike>();
        for (const output of Object.values(bundle)) if (output.type === 'chunk') chunks.set(output.fileName, output);
        const app = [...chunks.values()].find(
          (chunk) => chunk.isEntry && chunk.facadeModuleId?.endsWith('/web/index.html'),
        );
        const home = [...chunks.values()].find((chunk) =>
          chunk.facadeModuleId?.endsWith('/modules/home/pages/HomePage.tsx'),
        );
        if (!app || !home) this.error('sign-in page: the app entry or the home page chunk was not found');
        const files = new Set<string>();
        const visit = (fileName: string): void => {
          const chunk = chunks.get(fileName);
          if (!chunk || files.has(`/${fileName}`)) return;
          files.add(`/${fileName}`);
          for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(`/${css}`);
          for (const imported of chunk.imports) visit(imported);
        };
        visit(app.fileName);
        visit(home.fileName);
        const page = bundle['sign-in.html'];
        if (page?.type !== 'asset' || typeof page.source !== 'string') {
          this.error('sign-in page: sign-in.html was not emitted');
        }
        const json = JSON.stringify([...files]).replace(/</g, '\\u003c');
        page.source = page.source.replace(
          '</body>',
          `<script type="application/json" id="vp-app-files">${json}</script>\n  </body>`,
        );
      },
    },
  };
}

interface OutputChunkLike {
  fileName: string;
  name: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [react(), firstLoadBudget(), signInPage()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      input: {
        app: fileURLToPath(new URL('./web/index.html', import.meta.url)),
        'sign-in': fileURLToPath(new URL('./web/sign-in.html', import.meta.url)),
      },
      output: {
        codeSplitting: {
          // React and friends change far less often than the app: a chunk of their own
          // stays in the browser cache across releases. antd is left to automatic
          // splitting so that heavy parts only lazy pages use (Table, DatePicker) stay lazy.
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack[\\/][^\\/]+)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
