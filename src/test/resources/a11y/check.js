// A small accessibility check run inside the page (AccessibilityTest): labels for every input, contrast of
// text, touch-target sizes on the phone. Returns a list of violations as strings; empty means the page passes.
// Rules, kept deliberately few and strict:
//  - every visible input, select and textarea has a name people can hear: a <label for>, a wrapping <label>,
//    aria-label, aria-labelledby or title;
//  - text contrast against the background it is drawn on is at least 4.5:1 (3:1 for large text: 24 px, or 18.66 px bold);
//  - on the phone (viewport under 600 px) every visible button, control and link that is not part of a sentence is
//    at least 48 px tall, measured as the box people can tap (a checkbox, radio or file input counts its label's
//    box), and body text is at least 18 px.
(function () {
  const phone = window.innerWidth < 600;
  const out = [];
  const visible = el => {
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden' || parseFloat(s.opacity) === 0) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const describe = el => {
    let d = el.tagName.toLowerCase();
    if (el.id) d += '#' + el.id;
    else if (el.name) d += '[name=' + el.name + ']';
    else if (el.className && typeof el.className === 'string') d += '.' + el.className.trim().split(/\s+/).join('.');
    const t = (el.innerText || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 24);
    return t ? d + ' "' + t + '"' : d;
  };

  // 1. labels
  for (const el of document.querySelectorAll('input, select, textarea')) {
    const type = (el.getAttribute('type') || '').toLowerCase();
    if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) continue;
    if (!visible(el) && !(type === 'file' || type === 'checkbox' || type === 'radio')) continue;
    if (el.closest('[aria-hidden=true]')) continue;
    const named = el.getAttribute('aria-label') || el.getAttribute('title')
      || (el.getAttribute('aria-labelledby') && el.getAttribute('aria-labelledby').split(/\s+/)
        .some(id => document.getElementById(id) && document.getElementById(id).textContent.trim()))
      || (el.id && [...document.querySelectorAll('label[for]')].some(l => l.htmlFor === el.id && l.textContent.trim()))
      || (el.closest('label') && el.closest('label').textContent.trim());
    if (!named) out.push('label: ' + describe(el) + ' has no label');
  }

  // 2. contrast
  const rgba = c => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(parseFloat);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a), a: 1
  });
  const background = el => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.backgroundImage && s.backgroundImage !== 'none' && !s.backgroundImage.startsWith('linear-gradient')) return null;
      const c = rgba(s.backgroundColor);
      if (c && c.a > 0) {
        layers.push(c);
        if (c.a >= 1) break;
      }
    }
    let result = {r: 255, g: 255, b: 255, a: 1};
    for (let i = layers.length - 1; i >= 0; i--) result = over(layers[i], result);
    return result;
  };
  const luminance = c => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim()) continue;
    const el = n.parentElement;
    if (!el || seen.has(el) || !visible(el)) continue;
    if (el.closest('svg, canvas, script, style, noscript, [aria-hidden=true], option')) continue;
    if (el.closest('button:disabled, input:disabled, select:disabled, textarea:disabled, fieldset:disabled')) continue;
    seen.add(el);
    const s = getComputedStyle(el);
    const bg = background(el);
    const fgRaw = rgba(s.color);
    if (!bg || !fgRaw) continue;
    const fg = over({...fgRaw, a: fgRaw.a * parseFloat(s.opacity || 1)}, bg);
    const l1 = luminance(fg), l2 = luminance(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const size = parseFloat(s.fontSize);
    const large = size >= 24 || (size >= 18.66 && parseInt(s.fontWeight, 10) >= 700);
    const need = large ? 3 : 4.5;
    if (ratio < need) out.push('contrast: ' + describe(el) + ' ' + ratio.toFixed(2) + ':1 (needs ' + need + ':1)');
  }

  // 3. touch targets on the phone
  if (phone) {
    const inSentence = a => {
      const s = getComputedStyle(a);
      if (s.display !== 'inline') return false;
      const parent = a.parentElement;
      if (!parent) return false;
      const text = parent.textContent.replace(/\s+/g, '');
      return text.length > a.textContent.replace(/\s+/g, '').length + 4;
    };
    const targets = document.querySelectorAll('a[href], button, input, select, textarea, summary, [role=button], [role=tab]');
    for (const el of targets) {
      const type = (el.getAttribute('type') || '').toLowerCase();
      if (type === 'hidden') continue;
      let box = el;
      if (type === 'checkbox' || type === 'radio' || type === 'file') {
        box = el.closest('label') || (el.id && document.querySelector('label[for="' + el.id + '"]')) || el;
      }
      if (!visible(box) && !visible(el)) continue;
      if (el.tagName === 'A' && inSentence(el)) continue;
      // the tappable box: the label or the control itself, whichever is larger
      const r = [box, el].filter(visible).map(e => e.getBoundingClientRect()).reduce((a, b) => (a.height >= b.height ? a : b));
      if (r.height < 48) {
        out.push('target: ' + describe(el) + ' is ' + Math.round(r.width) + '×' + Math.round(r.height) + ' px (needs 48 px tall)');
      }
    }
    const base = parseFloat(getComputedStyle(document.body).fontSize);
    if (base < 18) out.push('text: body font size ' + base + ' px (needs 18 px on the phone)');
  }
  return out;
})();
