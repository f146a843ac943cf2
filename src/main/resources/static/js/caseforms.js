// the case page's stage forms: the submit button says what the chosen outcome does (受理并派单, 退回县中心, 退回修改方案)
document.querySelectorAll('form.complete').forEach(form => {
  const button = form.querySelector('button.submit');
  const labels = {};
  form.querySelectorAll('.action-label').forEach(s => { labels[s.dataset.outcome] = s.textContent; });
  const show = () => {
    const chosen = form.querySelector('input[name=outcome]:checked');
    if (button && chosen && labels[chosen.value]) button.textContent = labels[chosen.value];
  };
  form.addEventListener('change', show);
  show();
});
