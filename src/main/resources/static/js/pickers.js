// workbench pickers: find a village in the region tree, or a villager in the list, by typing part of the name
document.querySelectorAll('.region-picker').forEach(picker => {
  const search = picker.querySelector('.tree-search');
  if (!search) return;
  search.addEventListener('input', () => {
    const words = search.value.trim();
    picker.querySelectorAll('.region-tree details').forEach(township => {
      let any = false;
      township.querySelectorAll('label').forEach(village => {
        const hit = !words || village.textContent.includes(words) || township.querySelector('summary').textContent.includes(words);
        village.classList.toggle('hidden-by-search', !hit);
        any = any || hit;
      });
      township.classList.toggle('hidden-by-search', !any);
      if (words && any) township.open = true;
    });
  });
});
document.querySelectorAll('input.list-search').forEach(search => {
  const list = document.getElementById(search.dataset.list);
  if (!list) return;
  search.addEventListener('input', () => {
    const words = search.value.trim();
    list.querySelectorAll('option').forEach(o => { if (o.value) o.hidden = !!words && !o.textContent.includes(words); });
  });
});
