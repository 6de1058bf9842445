/**
 * Three small charts in plain SVG (no chart library): a horizontal stacked bar chart, a line chart
 * of percentages and a bar chart. Each carries a text alternative (a visually hidden table), so a
 * screen reader gets the same numbers.
 */
import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import type { ReactNode } from 'react';

const hidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

function SrTable({ caption, head, rows }: { caption: string; head: string[]; rows: Array<Array<string | number>> }) {
  return (
    <Box component="table" sx={hidden}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (j === 0 ? <th key={j}>{c}</th> : <td key={j}>{c}</td>))}
          </tr>
        ))}
      </tbody>
    </Box>
  );
}

export function StackedBars({ caption, rows, series, colors }: {
  caption: string;
  rows: Array<{ label: string; values: number[] }>;
  series: string[];
  colors: string[];
}) {
  const theme = useTheme();
  const labelW = 200;
  const barH = 24;
  const gap = 8;
  const width = 560;
  const max = Math.max(1, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const scale = (width - labelW - 60) / max;
  const height = rows.length * (barH + gap);
  return (
    <Box>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width * 1.15, display: "block" }} role="img" aria-label={caption} data-testid="chart-open-by-department">
        {rows.map((r, i) => {
          let x = labelW;
          const y = i * (barH + gap);
          const total = r.values.reduce((a, b) => a + b, 0);
          return (
            <g key={r.label}>
              <text x={labelW - 8} y={y + barH / 2 + 4} textAnchor="end" fontSize={13} fill={theme.palette.text.primary}>
                <title>{r.label}</title>
                {r.label.length > 26 ? `${r.label.slice(0, 25)}…` : r.label}
              </text>
              {r.values.map((v, j) => {
                const w = v * scale;
                const rect = <rect key={j} x={x} y={y} width={Math.max(0, w)} height={barH} fill={colors[j]} />;
                x += w;
                return rect;
              })}
              <text x={x + 6} y={y + barH / 2 + 4} fontSize={12} fontWeight={700} fill={theme.palette.text.primary}>
                {total}
              </text>
            </g>
          );
        })}
      </svg>
      <Box aria-hidden sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mt: 1, pl: 1, fontSize: '0.8rem', color: 'text.secondary' }}>
        {series.map((s, j) => (
          <Box key={s} sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
            <Box sx={{ width: 12, height: 12, bgcolor: colors[j], border: 1, borderColor: 'divider' }} />
            {s}
          </Box>
        ))}
      </Box>
      <SrTable caption={caption} head={['', ...series]} rows={rows.map((r) => [r.label, ...r.values])} />
    </Box>
  );
}

export function PercentLine({ caption, points, color, noData, format }: {
  caption: string;
  points: Array<{ label: string; value: number | null }>;
  color: string;
  noData: string;
  format: (v: number) => string;
}) {
  const theme = useTheme();
  const width = 560;
  const height = 220;
  const left = 40;
  const bottom = 30;
  const top = 12;
  const plotW = width - left - 36;
  const plotH = height - bottom - top;
  const x = (i: number) => left + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => top + plotH * (1 - v);
  const segments: string[] = [];
  let current = '';
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const grid: ReactNode[] = [0, 0.25, 0.5, 0.75, 1].map((g) => (
    <g key={g}>
      <line x1={left} x2={left + plotW} y1={y(g)} y2={y(g)} stroke={theme.palette.divider} />
      <text x={left - 6} y={y(g) + 4} textAnchor="end" fontSize={12} fill={theme.palette.text.secondary}>
        {Math.round(g * 100)}
      </text>
    </g>
  ));
  return (
    <Box>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width * 1.15, display: "block" }} role="img" aria-label={caption} data-testid="chart-answered-within-week">
        {grid}
        {segments.map((d, i) => (
          <path key={i} d={d} fill="none" stroke={color} strokeWidth={2.5} />
        ))}
        {points.map((p, i) =>
          p.value === null ? null : (
            <g key={p.label}>
              <circle cx={x(i)} cy={y(p.value)} r={4} fill={color} />
              <text x={x(i)} y={y(p.value) - 8} textAnchor="middle" fontSize={12} fill={theme.palette.text.primary}>
                {Math.round(p.value * 100)}
              </text>
            </g>
          ),
        )}
        {points.map((p, i) =>
          // Every other week, counted from the newest, so the latest week always has its label.
          (points.length - 1 - i) % 2 === 0 ? (
            <text key={`l${p.label}`} x={x(i)} y={height - 10} textAnchor="middle" fontSize={12} fill={theme.palette.text.secondary}>
              {p.label}
            </text>
          ) : null,
        )}
      </svg>
      <SrTable caption={caption} head={['', '%']} rows={points.map((p) => [p.label, p.value === null ? noData : format(p.value)])} />
    </Box>
  );
}

export function Bars({ caption, bars, color }: { caption: string; bars: Array<{ label: string; value: number }>; color: string }) {
  const theme = useTheme();
  const width = 560;
  const height = 200;
  const bottom = 36;
  const top = 18;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = (width - 20) / Math.max(1, bars.length);
  const barW = Math.min(64, slot * 0.6);
  return (
    <Box>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width * 1.15, display: "block" }} role="img" aria-label={caption} data-testid="chart-incoming-by-channel">
        <line x1={10} x2={width - 10} y1={height - bottom} y2={height - bottom} stroke={theme.palette.divider} />
        {bars.map((b, i) => {
          const h = ((height - bottom - top) * b.value) / max;
          const cx = 10 + slot * i + slot / 2;
          return (
            <g key={b.label}>
              <rect x={cx - barW / 2} y={height - bottom - h} width={barW} height={h} fill={color} />
              <text x={cx} y={height - bottom - h - 4} textAnchor="middle" fontSize={12} fontWeight={700} fill={theme.palette.text.primary}>
                {b.value}
              </text>
              <text x={cx} y={height - bottom + 16} textAnchor="middle" fontSize={12} fill={theme.palette.text.secondary}>
                {b.label}
              </text>
            </g>
          );
        })}
      </svg>
      <SrTable caption={caption} head={['', '#']} rows={bars.map((b) => [b.label, b.value])} />
    </Box>
  );
}
