// the dashboard's charts; the figures come from the page's JSON block #dashboard-data
const data = JSON.parse(document.getElementById('dashboard-data').textContent);
const drill = data.drill;
// open the cases behind a figure: the dashboard's filter with these parameters set anew
const go = params => {
  const url = new URL(drill, window.location.origin);
  Object.entries(params).forEach(([k, v]) => url.searchParams.set(k, v));
  window.location = url.pathname + url.search;
};
// durations come in hours; the dashboard shows days with one decimal
const days = h => h == null ? null : Math.round(h / 2.4) / 10;
const pct = x => x == null ? null : Math.round(x * 1000) / 10;
const base = { animation: false, tooltip: { trigger: 'item' } };
window.minqingCharts = {};
function chart(id, option, onClick) {
  const c = echarts.init(document.getElementById(id));
  c.setOption(Object.assign({}, base, option));
  if (onClick) c.on('click', onClick);
  window.minqingCharts[id] = c;
}

const trend = data.trend;
chart('chart-trend', {
  tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 45, right: 45, top: 30, bottom: 30 },
  xAxis: { type: 'category', data: trend.map(t => t.key) },
  yAxis: [{ type: 'value', name: '件', min: 0 }, { type: 'value', name: '%', min: 0, max: 100 }],
  series: [{ type: 'bar', name: '受理量', data: trend.map(t => t.values.receivedCount) },
           { type: 'line', name: '解决率', yAxisIndex: 1, data: trend.map(t => pct(t.values.resolutionRate)) },
           { type: 'line', name: '满意率', yAxisIndex: 1, data: trend.map(t => pct(t.values.satisfactionRate)) },
           { type: 'line', name: '按时办结率', yAxisIndex: 1, data: trend.map(t => pct(t.values.onTimeRate)) }]
}, p => { const t = trend[p.dataIndex]; go({ from: t.from, to: t.to }); });

const cats = data.cats;
chart('chart-category', {
  legend: { top: 0 }, grid: { left: 90, right: 20, top: 30, bottom: 30 }, tooltip: { trigger: 'axis' },
  xAxis: { type: 'value' }, yAxis: { type: 'category', data: cats.map(r => r.name) },
  series: [{ type: 'bar', name: '受理量', data: cats.map(r => r.current.receivedCount) },
           { type: 'bar', name: '在办', data: cats.map(r => r.current.openCount) }]
}, p => go(Object.assign({ category: cats[p.dataIndex].key }, p.seriesIndex === 1 ? { status: 'open' } : {})));

// villages: a horizontal bar chart, the most open problems on top (the page sends them sorted)
const villages = data.villages.slice().reverse();
document.getElementById('chart-villages').style.height = Math.max(320, 26 * villages.length + 60) + 'px';
chart('chart-villages', {
  legend: { top: 0 }, grid: { left: 90, right: 40, top: 30, bottom: 30 }, tooltip: { trigger: 'axis' },
  xAxis: { type: 'value', name: '件', minInterval: 1 }, yAxis: { type: 'category', data: villages.map(x => x.name) },
  series: [{ type: 'bar', name: '在办', data: villages.map(x => x.open), itemStyle: { color: '#b42318' },
             label: { show: true, position: 'right' } },
           { type: 'bar', name: '期内受理', data: villages.map(x => x.received), itemStyle: { color: '#98a2b3' } }]
}, p => go({ region: villages[p.dataIndex].code, status: 'open' }));

const stages = data.stages;
const stageStatus = { accept: 'received', dispatch: 'accepted', sign: 'dispatched', investigate: 'investigating',
  design: 'designing', approve: 'approving', implement: 'implementing', verify: 'verifying', feedback: 'awaiting-feedback' };
chart('chart-stages', {
  legend: { top: 0 }, grid: { left: 70, right: 20, top: 30, bottom: 30 }, tooltip: { trigger: 'axis' },
  xAxis: { type: 'value', name: '天' }, yAxis: { type: 'category', data: stages.map(s => s.name) },
  series: [{ type: 'bar', name: '平均', data: stages.map(s => days(s.avgHours)) },
           { type: 'bar', name: 'P90', data: stages.map(s => days(s.p90Hours)) }]
}, p => { const s = stageStatus[stages[p.dataIndex].stage]; if (s) go({ status: s }); });

document.querySelectorAll('.presets button').forEach(b => b.addEventListener('click', () => {
  // the county's today (data-today, Asia/Shanghai), not the browser's: after 16:00 UTC they differ
  const [y, m, d] = (b.parentElement.dataset.today || '').split('-').map(Number);
  const to = y ? new Date(y, m - 1, d) : new Date(); const from = new Date(to); from.setDate(to.getDate() - (+b.dataset.days) + 1);
  const day = d => d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
  document.getElementById('from').value = day(from); document.getElementById('to').value = day(to);
  document.getElementById('filters').submit();
}));
