// the dashboard's charts; the figures come from the page's JSON block #dashboard-data
const data = JSON.parse(document.getElementById('dashboard-data').textContent);
const drill = data.drill;
// open the cases behind a figure: the dashboard's filter with these parameters set anew
const go = params => {
  const url = new URL(drill, window.location.origin);
  Object.entries(params).forEach(([k, v]) => url.searchParams.set(k, v));
  window.location = url.pathname + url.search;
};
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

const villages = data.villages;
const maxOpen = Math.max(1, ...villages.map(x => x.open));
chart('chart-villages', {
  grid: { left: 55, right: 30, top: 20, bottom: 30 },
  tooltip: { formatter: p => echarts.format.encodeHTML(villages[p.dataIndex].name) + '：在办 ' + villages[p.dataIndex].open + ' / 受理 ' + villages[p.dataIndex].received },
  xAxis: { type: 'value', scale: true, name: '经度' }, yAxis: { type: 'value', scale: true, name: '纬度' },
  visualMap: { min: 0, max: maxOpen, dimension: 2, orient: 'horizontal', right: 0, top: 0, itemHeight: 80,
               text: ['多', '少'], inRange: { color: ['#7fc97f', '#fdc086', '#d7191c'] } },
  series: [{ type: 'scatter', data: villages.map(x => [x.lon, x.lat, x.open, x.name]),
             symbolSize: d => 10 + 30 * d[2] / maxOpen,
             label: { show: true, formatter: p => p.data[3], position: 'right', fontSize: 10 } }]
}, p => go({ region: villages[p.dataIndex].code, status: 'open' }));

const stages = data.stages;
const stageStatus = { accept: 'received', dispatch: 'accepted', sign: 'dispatched', investigate: 'investigating',
  design: 'designing', approve: 'approving', implement: 'implementing', verify: 'verifying', feedback: 'awaiting-feedback' };
chart('chart-stages', {
  legend: { top: 0 }, grid: { left: 70, right: 20, top: 30, bottom: 30 }, tooltip: { trigger: 'axis' },
  xAxis: { type: 'value', name: '小时' }, yAxis: { type: 'category', data: stages.map(s => s.name) },
  series: [{ type: 'bar', name: '平均', data: stages.map(s => s.avgHours) },
           { type: 'bar', name: 'P90', data: stages.map(s => s.p90Hours) }]
}, p => { const s = stageStatus[stages[p.dataIndex].stage]; if (s) go({ status: s }); });

document.querySelectorAll('.presets button').forEach(b => b.addEventListener('click', () => {
  const to = new Date(); const from = new Date(); from.setDate(to.getDate() - (+b.dataset.days) + 1);
  const day = d => d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
  document.getElementById('from').value = day(from); document.getElementById('to').value = day(to);
  document.getElementById('filters').submit();
}));
