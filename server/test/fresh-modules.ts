import { readFileSync } from 'node:fs';
import { expect, vi } from 'vitest';

// Workers are shared between test files (isolate: false) to keep what they loaded. A file that mocks a
// module starts from fresh modules, so its vi.mock reaches every module importing the mocked one, and
// so does the file after it, so the mock goes no further.
const state = globalThis as { vanphongFileMocks?: boolean };
const file = expect.getState().testPath;
const mocks = file !== undefined && /\bvi\.(mock|doMock)\(/.test(readFileSync(file, 'utf8'));
if (mocks || state.vanphongFileMocks) vi.resetModules();
state.vanphongFileMocks = mocks;
