// Temporary wiring while the directory module is written; replaced by it.
import type { PlatformDeps } from '../../platform/deps';
import type { App } from '../../platform/http/http-server';
import type { Policy } from '../../platform/security/authorize';

export const directoryPolicies: [string, Policy][] = [];

export function createDirectoryModule(_deps: PlatformDeps) {
  return { service: {}, register: (_app: App) => {} };
}
