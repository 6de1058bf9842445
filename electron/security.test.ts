import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isAppUrl, isPermissionAllowed } from './security.js';

describe('external link allow-list', () => {
  it.each(['https://hel.fi/', 'https://www.hel.fi/fi/palaute', 'https://palvelukartta.hel.fi/fi/unit/8215', 'https://palautteet.hel.fi/x', 'https://WWW.HEL.FI/'])(
    'allows %s',
    (url) => expect(isAllowedExternalUrl(url)).toBe(true),
  );
  it.each([
    'http://www.hel.fi/', // plain http
    'https://hel.fi.evil.example/',
    'https://evilhel.fi/',
    'https://www.hel.fi@evil.example/',
    'https://user:pw@www.hel.fi/',
    'https://www.hel.fi:8443/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'mailto:helsinki.palaute@hel.fi',
    'not a url',
    '',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});

describe('app origin', () => {
  it('accepts only app://feedback-desk', () => {
    expect(isAppUrl('app://feedback-desk/index.html')).toBe(true);
    expect(isAppUrl('app://feedback-desk/items/1?x=2#h')).toBe(true);
    for (const url of ['app://feedback-desk.evil/', 'app://other/', 'http://feedback-desk/', 'file:///index.html', 'app://x@feedback-desk/', 'about:blank', '', null, undefined]) {
      expect(isAppUrl(url)).toBe(false);
    }
  });

  it('grants no permission except clipboard writes to the app itself', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://feedback-desk/')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://www.hel.fi/')).toBe(false);
    expect(isPermissionAllowed('notifications', 'app://feedback-desk/')).toBe(true);
    expect(isPermissionAllowed('notifications', 'https://www.hel.fi/')).toBe(false);
    expect(isPermissionAllowed('media', 'app://feedback-desk/')).toBe(false);
    expect(isPermissionAllowed('geolocation', 'app://feedback-desk/')).toBe(false);
  });
});
