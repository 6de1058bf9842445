import { describe, expect, it } from 'vitest';
import { createWalkIn } from '../../../shared/mutations/create-walk-in.js';
import { newServiceRequestId, validateWalkIn, walkInArgs, type WalkInValues } from './walk-in-form.js';

const valid: WalkInValues = {
  kind: 'fault_report',
  language: 'fi',
  title: '',
  text: 'Katuvalo on rikki Mannerheimintiellä.',
  serviceCode: null,
  address: 'Mannerheimintie 5',
  identity: 'anonymous',
  displayName: '',
  email: '',
  phone: '',
  permission: 'no',
};

describe('walk-in form', () => {
  it('requires an explicit publication answer, a text and a name unless anonymous', () => {
    expect(validateWalkIn(valid)).toEqual({});
    expect(validateWalkIn({ ...valid, permission: '' })).toEqual({ permission: 'walkIn.errors.permission' });
    expect(validateWalkIn({ ...valid, text: 'lyhyt' })).toEqual({ text: 'walkIn.errors.text' });
    expect(validateWalkIn({ ...valid, identity: 'nickname', displayName: ' ' })).toEqual({ displayName: 'walkIn.errors.name' });
  });

  it('validates email and Finnish phone numbers, contact stays optional', () => {
    expect(validateWalkIn({ ...valid, email: 'maija@example.fi', phone: '040 123 4567' })).toEqual({});
    expect(validateWalkIn({ ...valid, phone: '+358 9 310 1111' })).toEqual({});
    expect(validateWalkIn({ ...valid, email: 'maija@', phone: '123' })).toEqual({ email: 'walkIn.errors.email', phone: 'walkIn.errors.phone' });
  });

  it('makes 20-character public ids and args the createWalkIn mutation accepts', () => {
    const id = newServiceRequestId();
    expect(id).toMatch(/^[a-z0-9]{20}$/);
    expect(newServiceRequestId()).not.toBe(id);
    const args = walkInArgs({ ...valid, identity: 'name', displayName: 'Maija', permission: 'yes', email: 'maija@example.fi' }, { itemId: 'walkin-1', serviceRequestId: id });
    const parsed = createWalkIn.args.safeParse(args);
    expect(parsed.success).toBe(true);
    expect(args).toMatchObject({ displayName: 'Maija', publicationPermission: true, permissionAsked: true, address: 'Mannerheimintie 5' });
    expect(walkInArgs(valid, { itemId: 'x', serviceRequestId: id })).toMatchObject({ displayName: undefined, publicationPermission: false });
  });
});
