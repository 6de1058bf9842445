/**
 * Photos for the demo seed's fault reports, drawn here (no stock images to license): a pothole, a
 * graffiti wall, an overflowing bin, a fallen tree. Deterministic for a given PRNG, PNG-encoded
 * with node:zlib.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { Prng } from './prng.js';

export type DemoScene = 'pothole' | 'graffiti' | 'litter' | 'fallen_tree';
type Rgb = readonly [number, number, number];

const W = 400;
const H = 300;

class Raster {
  readonly px = new Uint8Array(W * H * 3);

  set(x: number, y: number, [r, g, b]: Rgb): void {
    if (x < 0 || y < 0 || x >= W || y >= H) return;
    const i = (Math.floor(y) * W + Math.floor(x)) * 3;
    this.px[i] = r;
    this.px[i + 1] = g;
    this.px[i + 2] = b;
  }

  rect(x: number, y: number, w: number, h: number, c: Rgb): void {
    for (let j = Math.max(0, y); j < Math.min(H, y + h); j++) for (let i = Math.max(0, x); i < Math.min(W, x + w); i++) this.set(i, j, c);
  }

  ellipse(cx: number, cy: number, rx: number, ry: number, c: Rgb): void {
    for (let j = Math.floor(cy - ry); j <= cy + ry; j++)
      for (let i = Math.floor(cx - rx); i <= cx + rx; i++) if (((i - cx) / rx) ** 2 + ((j - cy) / ry) ** 2 <= 1) this.set(i, j, c);
  }

  /** A thick stroke through the points. */
  stroke(points: readonly (readonly [number, number])[], width: number, c: Rgb): void {
    for (let k = 1; k < points.length; k++) {
      const [x0, y0] = points[k - 1];
      const [x1, y1] = points[k];
      const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0)));
      for (let s = 0; s <= steps; s++) this.ellipse(x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps, width / 2, width / 2, c);
    }
  }

  /** Texture: every pixel brightened or darkened a little. */
  grain(rng: Prng, amount: number): void {
    for (let i = 0; i < this.px.length; i += 3) {
      const d = Math.round((rng.next() - 0.5) * amount);
      for (let k = 0; k < 3; k++) this.px[i + k] = Math.max(0, Math.min(255, this.px[i + k] + d));
    }
  }

  png(): Buffer {
    const rows = Buffer.alloc((W * 3 + 1) * H);
    for (let y = 0; y < H; y++) {
      rows[y * (W * 3 + 1)] = 0; // filter: none
      Buffer.from(this.px.buffer, y * W * 3, W * 3).copy(rows, y * (W * 3 + 1) + 1);
    }
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(W, 0);
    ihdr.writeUInt32BE(H, 4);
    ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const ASPHALT: Rgb = [118, 121, 125];
const GRASS: Rgb = [86, 130, 62];

export function drawDemoPhoto(scene: DemoScene, rng: Prng): Buffer {
  const r = new Raster();
  switch (scene) {
    case 'pothole': {
      r.rect(0, 0, W, H, ASPHALT);
      for (let x = 10 + rng.int(0, 30); x < W; x += 80) r.rect(x, 120, 45, 10, [235, 235, 230]);
      const cx = rng.int(140, 260);
      r.ellipse(cx, 215, 95, 45, [88, 90, 92]);
      r.ellipse(cx + 4, 218, 80, 36, [52, 47, 40]);
      r.ellipse(cx + 10, 222, 45, 16, [70, 84, 96]); // water in the hole
      r.grain(rng, 26);
      break;
    }
    case 'graffiti': {
      r.rect(0, 0, W, H, [150, 70, 52]);
      for (let y = 0; y < H; y += 22) {
        r.rect(0, y, W, 3, [196, 190, 180]);
        for (let x = (y / 22) % 2 ? 0 : 30; x < W; x += 60) r.rect(x, y, 3, 22, [196, 190, 180]);
      }
      const colours: Rgb[] = [[30, 30, 30], [40, 90, 200], [230, 200, 40], [210, 40, 120]];
      for (let k = 0; k < 4; k++) {
        const pts: [number, number][] = [];
        let x = rng.int(20, 120);
        let y = rng.int(60, 240);
        for (let s = 0; s < 9; s++) pts.push([(x += rng.int(15, 40)), (y = Math.max(30, Math.min(270, y + rng.int(-45, 45))))]);
        r.stroke(pts, 9, colours[k]);
      }
      r.grain(rng, 18);
      break;
    }
    case 'litter': {
      r.rect(0, 0, W, H, GRASS);
      r.rect(0, 0, W, 70, [172, 196, 222]); // sky
      r.rect(160, 110, 80, 120, [40, 92, 60]); // bin
      r.rect(150, 100, 100, 14, [30, 70, 45]);
      r.ellipse(200, 96, 48, 20, [210, 210, 205]); // bags bulging over
      const litter: Rgb[] = [[240, 240, 235], [220, 60, 50], [60, 110, 210], [245, 200, 60]];
      for (let k = 0; k < 28; k++) r.rect(rng.int(10, 380), rng.int(200, 285), rng.int(8, 18), rng.int(5, 12), rng.pick(litter));
      r.grain(rng, 20);
      break;
    }
    case 'fallen_tree': {
      r.rect(0, 0, W, H, [70, 110, 60]);
      r.rect(0, 170, W, 60, [165, 140, 105]); // the path
      r.stroke([[20, 120], [380, 240]], 22, [92, 64, 40]); // trunk across it
      for (let k = 0; k < 14; k++) {
        const t = rng.next();
        const x = 20 + t * 360;
        const y = 120 + t * 120;
        r.stroke([[x, y], [x + rng.int(-40, 40), y + rng.int(-50, 10)]], 6, [26, 52, 28]);
      }
      r.grain(rng, 22);
      break;
    }
  }
  return r.png();
}

/** Which scene a demo item's photo shows, by its service; null: these items get no photo. */
export function sceneForService(serviceCode: string | null): DemoScene | null {
  switch (serviceCode) {
    case '171':
      return 'pothole';
    case '176':
      return 'graffiti';
    case '246':
      return 'litter';
    case '234':
      return 'fallen_tree';
    default:
      return null;
  }
}
