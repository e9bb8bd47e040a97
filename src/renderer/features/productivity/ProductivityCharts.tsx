/**
 * The plots, drawn by Recharts: charts submitted per day by setting, the pace per day, and the
 * backlog by age. Each is a figure with a caption, an SVG title and description, and Recharts'
 * keyboard layer (arrow keys walk the points); colours are the Okabe–Ito set, safe for
 * colour-blind readers, and every series is also named in the legend.
 */
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SETTINGS } from '../../../shared/domain';
import type { ProductivityReport } from '../../../shared/productivity';
import { SETTING_LABELS } from '../../lib/labels';

const SETTING_COLOURS = { inpatient: '#0072B2', outpatient_surgery: '#E69F00', emergency: '#D55E00', professional: '#009E73' } as const;
const HEIGHT = 220;
const shortDay = (day: string): string => day.slice(5);

export function ProductivityCharts({ report }: { report: ProductivityReport }) {
  const perDay = report.daily.map((d) => ({
    day: d.day,
    ...Object.fromEntries(SETTINGS.map((s) => [s, d.submittedBySetting[s]])),
    minutesPerChart: d.activeMinutesPerChart,
    perHour: d.chartsPerActiveHour,
  }));
  const bands = report.backlog.bands.map((b) => ({ band: b.label, charts: b.count }));
  const total = report.team.submitted;
  return (
    <div className="productivity-charts">
      <figure className="chart-figure">
        <figcaption>Charts submitted per day, by setting</figcaption>
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <BarChart data={perDay} title="Charts submitted per day, by setting" desc={`${total} charts submitted from ${report.from} to ${report.to}.`}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={shortDay} minTickGap={12} />
            <YAxis allowDecimals={false} width={36} />
            <Tooltip />
            <Legend />
            {SETTINGS.map((s) => (
              <Bar key={s} dataKey={s} name={SETTING_LABELS[s]} stackId="setting" fill={SETTING_COLOURS[s]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure className="chart-figure">
        <figcaption>Pace per day: active minutes per chart and charts per active hour</figcaption>
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <LineChart data={perDay} title="Pace per day" desc="Active minutes per chart and charts per active hour on each day; days with no submitted chart have no point.">
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={shortDay} minTickGap={12} />
            <YAxis width={36} />
            <Tooltip />
            <Legend />
            <Line dataKey="minutesPerChart" name="Active minutes per chart" stroke="#0072B2" strokeWidth={2} connectNulls isAnimationActive={false} />
            <Line dataKey="perHour" name="Charts per active hour" stroke="#D55E00" strokeWidth={2} strokeDasharray="5 3" connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <figure className="chart-figure">
        <figcaption>Backlog not final coded on {report.backlog.asOf}, by days since discharge or service</figcaption>
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <BarChart data={bands} title="Backlog by age" desc={`${report.backlog.count} charts not final coded on ${report.backlog.asOf}.`}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="band" />
            <YAxis allowDecimals={false} width={36} />
            <Tooltip />
            <Bar dataKey="charts" name="Charts" fill="#56B4E9" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
