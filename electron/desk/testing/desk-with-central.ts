/**
 * Test support: a desk core signed in against a real central server with the demo seed, both on
 * loopback in temp folders, as the renderer would use them. `close()` removes everything.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCentral, type RunningCentral } from '../../../central/server.js';
import { createDesk, type Desk } from '../desk.js';

export interface DeskWithCentral {
  central: RunningCentral;
  desk: Desk;
  close(): Promise<void>;
}

export async function deskWithDemoCentral(username: string, prefix = 'desk-test'): Promise<DeskWithCentral> {
  const dirs = [mkdtempSync(join(tmpdir(), `${prefix}-central-`)), mkdtempSync(join(tmpdir(), `${prefix}-desk-`))];
  const central = await startCentral({ port: 0, dataDir: dirs[0]!, seed: 'demo', logLevel: 'silent' });
  const desk = await createDesk({ dataDir: dirs[1]!, centralUrl: central.url, log: () => {} });
  await desk.signIn({ username, password: 'demo' });
  await desk.syncNow({});
  return {
    central,
    desk,
    async close() {
      await desk.close();
      await central.close();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

/** Arguments of a createWalkIn mutation with fresh desk-chosen ids; override what the test is about. */
export function walkInArgs(description: string, extra: Record<string, unknown> = {}): { itemId: string; serviceRequestId: string } & Record<string, unknown> {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(20);
  return {
    itemId: `walkin-${randomBytes(5).toString('hex')}`,
    serviceRequestId: Array.from(bytes, (b) => alphabet[b % alphabet.length]).join(''),
    kind: 'fault_report',
    language: 'fi',
    description,
    publicationPermission: false,
    permissionAsked: true,
    ...extra,
  };
}
