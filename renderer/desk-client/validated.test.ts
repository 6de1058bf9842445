import { describe, expect, it } from 'vitest';
import { DeskError, type DeskApi } from '../../shared/api/desk-api.js';
import { validatedDesk } from './validated.js';

const session = { staff: { id: 's1', username: 'neuvonta', displayName: 'N', role: 'clerk', departmentId: null }, centralUrl: 'http://127.0.0.1:8311' };

describe('window.desk wrapper', () => {
  it('restores the error code the preload passes as a plain object across the context bridge', async () => {
    const bridge = { signIn: async () => Promise.reject({ name: 'DeskError', code: 'bad_credentials', message: 'wrong password' }) } as unknown as DeskApi;
    const err = await validatedDesk(bridge).signIn({ username: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeskError);
    expect(err).toMatchObject({ code: 'bad_credentials', message: 'wrong password' });
  });

  it('refuses a result that breaks the contract', async () => {
    const bridge = { whoAmI: async () => ({ staff: { id: 's1' } }) } as unknown as DeskApi;
    await expect(validatedDesk(bridge).whoAmI({})).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('passes valid results through', async () => {
    const bridge = { whoAmI: async () => session } as unknown as DeskApi;
    expect(await validatedDesk(bridge).whoAmI({})).toEqual(session);
  });
});
