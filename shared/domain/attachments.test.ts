import { describe, expect, it } from 'vitest';
import { sniffPhoto, storedFileName, storedFileUrl, storedPhotoName } from './attachments.js';

const NAME = `${'0123456789abcdef'.repeat(2)}.png`;

describe('stored media names', () => {
  it('reads the name of a photo the central stores, and nothing else', () => {
    expect(storedPhotoName(storedFileUrl(NAME))).toBe(NAME);
    expect(storedPhotoName('https://www.hel.fi/palautekuvat/1.jpg')).toBeNull();
    expect(storedPhotoName('/media/../central.sqlite')).toBeNull();
    expect(storedPhotoName(`/media/${NAME}.exe`)).toBeNull();
    expect(storedPhotoName(`/media/${NAME.toUpperCase()}`)).toBeNull();
  });

  it('tells a stored photo from another stored file (a mail\'s PDF)', () => {
    const pdf = NAME.replace('.png', '.pdf');
    expect(storedFileName(storedFileUrl(pdf))).toBe(pdf);
    expect(storedPhotoName(storedFileUrl(pdf))).toBeNull();
    expect(storedFileName(storedFileUrl(NAME))).toBe(NAME);
    expect(storedFileName('/media/kirje.pdf')).toBeNull();
    expect(storedFileName(`/media/${NAME.replace('.png', '.verylongext')}`)).toBeNull();
  });
});

describe('sniffPhoto', () => {
  const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
  it('knows the four photo types by their first bytes', () => {
    expect(sniffPhoto(bytes([0xff, 0xd8, 0xff, 0xe0]))?.contentType).toBe('image/jpeg');
    expect(sniffPhoto(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0]))).toEqual({ contentType: 'image/png', extension: 'png' });
    expect(sniffPhoto(bytes('GIF89a', [1]))?.contentType).toBe('image/gif');
    expect(sniffPhoto(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))?.contentType).toBe('image/webp');
  });
  it('refuses anything else, however it is named', () => {
    expect(sniffPhoto(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffPhoto(bytes('%PDF-1.7'))).toBeNull();
    expect(sniffPhoto(bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toBeNull();
    expect(sniffPhoto(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffPhoto(new Uint8Array())).toBeNull();
  });
});
