// The report form on a cheap phone: the category's questions, photos from the camera and the album (up to nine,
// with thumbnails), the location by village name, and a draft kept on the phone until the report is filed.
(function () {
  var form = document.getElementById('report-form');
  if (!form) { return; }
  var DRAFT = 'minqing-report-draft';
  var FIELDS = ['title', 'description', 'villageCode', 'address', 'lat', 'lon', 'locatedName'];

  function fill(template, a, b) {
    return template.replace('{0}', a).replace('{1}', b === undefined ? '' : b);
  }

  // --- category: the picked tile and its questions -------------------------------------------------
  function showCategory() {
    var picked = form.querySelector('input[name=category]:checked');
    form.querySelectorAll('label.category').forEach(function (l) {
      l.classList.toggle('picked', l.querySelector('input').checked);
    });
    form.querySelectorAll('.questions').forEach(function (q) {
      q.hidden = !picked || q.dataset.category !== picked.value;
    });
  }
  form.querySelectorAll('input[name=category]').forEach(function (radio) {
    radio.addEventListener('change', function () { showCategory(); saveDraft(); });
  });

  // --- photos, video and voice notes ---------------------------------------------------------------
  var album = document.getElementById('file');
  var camera = document.getElementById('camera');
  var thumbs = document.getElementById('thumbs');
  var count = document.getElementById('file-count');
  var max = parseInt(form.dataset.maxFiles || '9', 10);
  var chosen = [];   // files picked on this page, not yet sent
  var canMerge = typeof DataTransfer === 'function';
  try { new DataTransfer(); } catch (e) { canMerge = false; }

  function keptOnServer() { return thumbs.querySelectorAll('li.kept').length; }

  function syncInputs() {
    if (!canMerge) { return; }   // old browsers send what their two inputs hold
    var all = new DataTransfer();
    chosen.forEach(function (f) { all.items.add(f); });
    album.files = all.files;
    camera.value = '';
  }

  function renderCount() {
    var n = keptOnServer() + chosen.length;
    count.textContent = n === 0 ? '' : fill(thumbs.dataset.count, n);
    thumbs.querySelectorAll('li').forEach(function (li, i) {
      var b = li.querySelector('button.remove');
      if (b) { b.setAttribute('aria-label', fill(thumbs.dataset.remove, i + 1)); }
    });
  }

  function thumbFor(file) {
    var li = document.createElement('li');
    li.className = 'thumb';
    if (file.type.indexOf('image/') === 0 && window.URL && URL.createObjectURL) {
      var img = document.createElement('img');
      img.src = URL.createObjectURL(file);
      img.alt = fill(thumbs.dataset.photo, keptOnServer() + chosen.indexOf(file) + 1);
      li.appendChild(img);
    } else {
      var kind = document.createElement('span');
      kind.className = 'media-kind';
      kind.textContent = file.type.indexOf('audio/') === 0 ? thumbs.dataset.audio : thumbs.dataset.video;
      li.appendChild(kind);
    }
    var remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'remove';
    remove.textContent = '×';
    remove.addEventListener('click', function () {
      chosen.splice(chosen.indexOf(file), 1);
      li.remove();
      syncInputs();
      renderCount();
    });
    li.appendChild(remove);
    return li;
  }

  function picked(input) {
    if (!canMerge) { renderCount(); return; }
    var refused = 0;
    Array.prototype.forEach.call(input.files, function (f) {
      if (keptOnServer() + chosen.length >= max) { refused++; return; }
      chosen.push(f);
      thumbs.appendChild(thumbFor(f));
    });
    syncInputs();
    renderCount();
    if (refused > 0) { count.textContent += ' ' + thumbs.dataset.tooMany; }
  }
  album.addEventListener('change', function () { picked(album); });
  camera.addEventListener('change', function () { picked(camera); });
  thumbs.querySelectorAll('li.kept button.remove').forEach(function (b) {
    b.addEventListener('click', function () { b.parentNode.remove(); renderCount(); });
  });

  // --- location, told by the nearest village's name ------------------------------------------------
  var locate = document.getElementById('locate');
  var located = document.getElementById('located');
  function say(text, wrong) {
    located.textContent = text;
    located.classList.toggle('wrong', !!wrong);
  }
  function named(lat, lon) {
    fetch('/regions/nearest?lat=' + lat + '&lon=' + lon, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (v) {
        var name = (v.township ? v.township : '') + v.name;
        var text = v.distanceMeters <= 2000 ? fill(locate.dataset.near, name)
          : fill(locate.dataset.far, name, Math.max(1, Math.round(v.distanceMeters / 1000)));
        var select = document.getElementById('villageCode');
        if (v.distanceMeters <= 3000 && select.querySelector('option[value="' + v.code + '"]')) {
          select.value = v.code;
          text += locate.dataset.picked;
        }
        document.getElementById('locatedName').value = text;
        say(text);
        saveDraft();
      })
      .catch(function () { say(locate.dataset.noName); });
  }
  locate.addEventListener('click', function () {
    if (!navigator.geolocation) { say(locate.dataset.unsupported, true); return; }
    say(locate.dataset.locating);
    navigator.geolocation.getCurrentPosition(function (p) {
      var lat = p.coords.latitude.toFixed(6), lon = p.coords.longitude.toFixed(6);
      document.getElementById('lat').value = lat;
      document.getElementById('lon').value = lon;
      named(lat, lon);
    }, function (e) {
      var which = e && e.code === 1 ? 'denied' : e && e.code === 3 ? 'timeout' : 'unavailable';
      say(locate.dataset[which], true);
    }, {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000});
  });

  // --- the draft on the phone: kept while typing, when the page is left or the line drops ----------
  function saveDraft() {
    var d = {};
    FIELDS.forEach(function (id) { d[id] = document.getElementById(id).value; });
    var c = form.querySelector('input[name=category]:checked');
    d.category = c ? c.value : '';
    d.anonymous = document.getElementById('anonymous').checked;
    try { localStorage.setItem(DRAFT, JSON.stringify(d)); } catch (e) { /* private mode: no draft */ }
  }
  function restoreDraft() {
    var d;
    try { d = JSON.parse(localStorage.getItem(DRAFT) || 'null'); } catch (e) { d = null; }
    if (!d || !(d.title || d.description || d.address)) { return; }
    FIELDS.forEach(function (id) {
      var el = document.getElementById(id);
      if (d[id] && (id !== 'villageCode' || el.querySelector('option[value="' + d[id] + '"]'))) { el.value = d[id]; }
    });
    var c = d.category && form.querySelector('input[name=category][value="' + d.category + '"]');
    if (c) { c.checked = true; }
    document.getElementById('anonymous').checked = !!d.anonymous;
    if (d.locatedName) { say(d.locatedName); }
    document.getElementById('draft-restored').hidden = false;
  }
  document.getElementById('draft-discard').addEventListener('click', function () {
    try { localStorage.removeItem(DRAFT); } catch (e) { /* nothing kept */ }
    form.reset();
    FIELDS.forEach(function (id) { if (id !== 'villageCode') { document.getElementById(id).value = ''; } });
    say('');
    showCategory();
    document.getElementById('draft-restored').hidden = true;
  });
  form.addEventListener('input', saveDraft);
  form.addEventListener('change', saveDraft);
  window.addEventListener('pagehide', saveDraft);
  window.addEventListener('offline', saveDraft);

  if (form.dataset.fresh === 'true') { restoreDraft(); }
  showCategory();
  renderCount();
})();
