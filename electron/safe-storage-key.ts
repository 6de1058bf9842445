/**
 * The cache encryption key, kept as ciphertext produced by the OS keystore (Electron safeStorage:
 * Keychain, DPAPI, libsecret/kwallet). The plaintext key never touches the disk.
 * safeStorage is passed in, so this module stays free of electron imports and testable.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(cipher: Buffer): string;
  /** Linux only: 'basic_text' means no real keystore (a hard-coded password). */
  getSelectedStorageBackend?: () => string;
};

export const KEY_FILE = 'cache-key.enc';

/** True when safeStorage is backed by a real OS keystore. */
export function hasRealKeystore(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend) {
    const backend = safeStorage.getSelectedStorageBackend();
    return backend !== 'basic_text' && backend !== 'unknown';
  }
  return true;
}

export function safeStorageKeyProvider(dataDir: string, safeStorage: SafeStorageLike): { getKey(): Promise<string> } {
  const file = join(dataDir, KEY_FILE);
  let cached: Promise<string> | null = null;
  const load = async (): Promise<string> => {
    let cipher: Buffer | null = null;
    try {
      cipher = await readFile(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (cipher) {
      try {
        return safeStorage.decryptString(cipher);
      } catch (err) {
        throw new Error(`the cache key in ${file} cannot be decrypted by this user's keystore (${(err as Error).message})`);
      }
    }
    const key = randomBytes(32).toString('hex');
    await mkdir(dataDir, { recursive: true });
    const tmp = `${file}.tmp`;
    await writeFile(tmp, safeStorage.encryptString(key), { mode: 0o600 });
    await rename(tmp, file);
    return key;
  };
  return {
    getKey() {
      cached ??= load().catch((err) => {
        cached = null;
        throw err;
      });
      return cached;
    },
  };
}
