import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where the cache encryption key comes from. In Electron the shell implements this with
 * safeStorage (the key is kept encrypted by the OS keystore), so a copied cache file is useless
 * on another machine or account. The desk core never decides where keys live.
 *
 * `getKey` returns 64 hex characters (a raw 32-byte key, used without a KDF, so opening is fast);
 * any other string is treated as a passphrase and goes through the cipher's KDF.
 */
export interface CacheKeyProvider {
  getKey(): Promise<string>;
}

export const CACHE_KEY_FILE = 'cache.key';

/**
 * A random key in `<dataDir>/cache.key` (mode 0600). Used by browser mode and tests, where no OS
 * keystore is reachable from Node. It protects against a cache file copied off its data directory
 * (e.g. a backup of just the .sqlite), not against someone who can read the whole directory; the
 * Electron shell should pass its safeStorage provider instead.
 */
export function fileKeyProvider(dataDir: string): CacheKeyProvider {
  const path = join(dataDir, CACHE_KEY_FILE);
  return {
    async getKey() {
      try {
        return parseKeyFile(await readFile(path, 'utf8'), path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      await mkdir(dataDir, { recursive: true });
      const key = randomBytes(32).toString('hex');
      try {
        // 'wx': two processes starting at once must not each write a different key.
        await writeFile(path, key + '\n', { mode: 0o600, flag: 'wx' });
        await chmod(path, 0o600);
        return key;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') return parseKeyFile(await readFile(path, 'utf8'), path);
        throw err;
      }
    },
  };
}

function parseKeyFile(text: string, path: string): string {
  const key = text.trim();
  if (!/^[0-9a-f]{64}$/i.test(key)) throw new Error(`cache key file ${path} is damaged (expected 64 hex characters)`);
  return key.toLowerCase();
}
