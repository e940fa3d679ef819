import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

/** Many users sit on slow mobile links in remote communes: the sign-in page must stay light. */
const FIRST_LOAD_BUDGET_BYTES = 400_000;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/**
 * Sums the gzipped size of the JavaScript that index.html loads before anything is
 * lazily imported (the entry chunk and its static imports), prints it, and fails the
 * build when it goes over budget, so a stray static import of a heavy page is caught.
 */
function firstLoadBudget(): Plugin {
  return {
    name: 'vanphong-first-load-budget',
    apply: 'build',
    writeBundle(_options, bundle) {
      const chunks = new Map<string, { code: string; imports: string[] }>();
      const entries: string[] = [];
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks.set(fileName, { code: output.code, imports: output.imports });
        if (output.isEntry) entries.push(fileName);
      }
      const seen = new Set<string>();
      const visit = (fileName: string): void => {
        if (seen.has(fileName)) return;
        seen.add(fileName);
        for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
      };
      for (const entry of entries) visit(entry);
      let total = 0;
      for (const fileName of seen) {
        const size = gzipSync(chunks.get(fileName)?.code ?? '').length;
        total += size;
        console.log(`  first-load  ${fileName}  ${kB(size)} gzip`);
      }
      const summary = `First-load JavaScript: ${kB(total)} gzip (budget ${kB(FIRST_LOAD_BUDGET_BYTES)})`;
      if (total > FIRST_LOAD_BUDGET_BYTES) this.error(summary);
      console.log(summary);
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [react(), firstLoadBudget()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
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
