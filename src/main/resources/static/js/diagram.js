// The process diagram page: scroll the (wide) diagram so that where the case stands is in view.
document.addEventListener('DOMContentLoaded', () => {
  const frame = document.getElementById('diagram');
  const current = frame && frame.querySelector('.node.current');
  if (!current) {
    return;
  }
  const box = current.getBoundingClientRect();
  const area = frame.getBoundingClientRect();
  frame.scrollLeft += box.left - area.left - (area.width - box.width) / 2;
  frame.scrollTop += box.top - area.top - (area.height - box.height) / 2;
});
