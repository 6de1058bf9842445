import koffi from 'koffi';

/** Finnish spelling through libvoikko (with the voikko-fi dictionary), loaded with koffi. */
export interface VoikkoSpeller {
  spell(word: string): boolean;
  suggest(word: string): string[];
  terminate(): void;
}

export type VoikkoLoad = { ok: true; speller: VoikkoSpeller; library: string } | { ok: false; reason: string };

/** Where libvoikko is found on the platforms the desk ships for (dlopen searches the system paths for bare names). */
export function defaultVoikkoLibraries(platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'win32') return ['libvoikko-1.dll'];
  if (platform === 'darwin') return ['libvoikko.1.dylib', '/opt/homebrew/lib/libvoikko.1.dylib', '/usr/local/lib/libvoikko.1.dylib'];
  return ['libvoikko.so.1', '/usr/lib/x86_64-linux-gnu/libvoikko.so.1', '/usr/lib/aarch64-linux-gnu/libvoikko.so.1'];
}

// libvoikko's voikkoSpellCstr results: 0 failed, 1 ok, 2 internal error, 3 charset conversion failed.
const VOIKKO_SPELL_FAILED = 0;

/**
 * Try each library path; report why Voikko is unavailable instead of throwing, so the editor can say
 * so ("install libvoikko1 and voikko-fi") and keep working without Finnish spelling.
 */
export function loadVoikko(libraries: readonly string[], dictionaryPath: string | null = null): VoikkoLoad {
  const failures: string[] = [];
  for (const path of libraries) {
    let lib: ReturnType<typeof koffi.load>;
    try {
      lib = koffi.load(path);
    } catch (err) {
      failures.push(`${path}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      continue;
    }
    try {
      const init = lib.func('void *voikkoInit(_Out_ const char **error, const char *langcode, const char *path)');
      const spellCstr = lib.func('int voikkoSpellCstr(void *handle, const char *word)');
      const suggestCstr = lib.func('void *voikkoSuggestCstr(void *handle, const char *word)');
      const freeCstrArray = lib.func('void voikkoFreeCstrArray(void *array)');
      const terminate = lib.func('void voikkoTerminate(void *handle)');
      const error: (string | null)[] = [null];
      const handle = init(error, 'fi', dictionaryPath);
      if (!handle) {
        lib.unload();
        return { ok: false, reason: `Voikko found (${path}) but the Finnish dictionary could not be opened: ${error[0] ?? 'unknown error'}. Install voikko-fi.` };
      }
      let open = true;
      const speller: VoikkoSpeller = {
        spell: (word) => !open || spellCstr(handle, word) !== VOIKKO_SPELL_FAILED,
        suggest: (word) => {
          if (!open) return [];
          const arr = suggestCstr(handle, word);
          if (!arr) return [];
          const out: string[] = [];
          try {
            for (let i = 0; ; i++) {
              const s = koffi.decode(arr, i * koffi.sizeof('void *'), 'const char *') as string | null;
              if (s === null) break;
              out.push(s);
            }
          } finally {
            freeCstrArray(arr);
          }
          return out;
        },
        terminate: () => {
          if (!open) return;
          open = false;
          terminate(handle);
        },
      };
      return { ok: true, speller, library: path };
    } catch (err) {
      failures.push(`${path}: not a usable libvoikko (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  return { ok: false, reason: `Voikko (libvoikko) was not found: ${failures.join('; ')}. Install libvoikko1 and voikko-fi for Finnish spelling.` };
}
