/**
 * Polls until `probe` gives a truthy value and returns it. An error from the probe fails at once
 * (unlike tests/support's eventually, which waits out a server restarting): in the desk's own
 * tests a throwing probe is a bug, not a state to wait through.
 */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
