import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasRealKeystore, KEY_FILE, safeStorageKeyProvider } from './safe-storage-key.js';
import { safeStorage } from './testing/fake-electron.js';

describe('safeStorage cache key', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fd-key-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('creates a random key once, stores only its ciphertext, and returns the same key after a restart', async () => {
    const key = await safeStorageKeyProvider(dir, safeStorage).getKey();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const onDisk = await readFile(join(dir, KEY_FILE), 'utf8');
    expect(onDisk).not.toContain(key);
    expect(await safeStorageKeyProvider(dir, safeStorage).getKey()).toBe(key);
    const otherDir = await mkdtemp(join(tmpdir(), 'fd-key2-'));
    expect(await safeStorageKeyProvider(otherDir, safeStorage).getKey()).not.toBe(key);
    await rm(otherDir, { recursive: true, force: true });
  });

  it('fails clearly when the keystore cannot decrypt the stored key, leaving the file in place', async () => {
    await writeFile(join(dir, KEY_FILE), 'garbage from another user');
    await expect(safeStorageKeyProvider(dir, safeStorage).getKey()).rejects.toThrow(/cannot be decrypted/);
    expect(await readFile(join(dir, KEY_FILE), 'utf8')).toBe('garbage from another user');
  });

  it('does not count the Linux basic_text backend as a keystore', () => {
    expect(hasRealKeystore({ ...safeStorage, getSelectedStorageBackend: () => 'basic_text' }, 'linux')).toBe(false);
    expect(hasRealKeystore({ ...safeStorage, getSelectedStorageBackend: () => 'gnome_libsecret' }, 'linux')).toBe(true);
    expect(hasRealKeystore({ ...safeStorage, isEncryptionAvailable: () => false }, 'win32')).toBe(false);
  });
});
