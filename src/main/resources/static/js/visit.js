// The visit form on a phone with a weak connection: everything typed, the photo and the voice note are kept on the phone
// (localStorage) until the server has the visit; offline, or when sending fails, the draft waits and is sent
// as soon as the phone is back online (the 'online' event, and a retry every few seconds).
(function () {
  var form = document.getElementById('visit-form');
  if (!form) { return; }
  var KEY = 'minqing-visit-draft-' + form.dataset.household;
  var status = document.getElementById('visit-status');
  var errors = document.getElementById('visit-errors');
  var photoInput = document.getElementById('photo');
  var voiceInput = document.getElementById('voice');
  var sending = false;

  function say(text) { status.textContent = text; status.hidden = false; }

  function fields() {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (e) {
      if (!e.name || e.type === 'file' || e.name === '_csrf') { return; }
      if (e.type === 'checkbox') { values[e.name] = e.checked; } else { values[e.name] = e.value; }
    });
    return values;
  }

  var memory = null; // the draft when the phone's storage cannot hold it (a large photo)
  function load() { try { return JSON.parse(localStorage.getItem(KEY)) || memory; } catch (e) { return memory; } }
  function store(draft) { memory = draft; try { localStorage.setItem(KEY, JSON.stringify(draft)); } catch (e) { /* kept in memory */ } }

  function restore(draft) {
    Array.prototype.forEach.call(form.elements, function (e) {
      if (!(e.name in draft.fields)) { return; }
      if (e.type === 'checkbox') { e.checked = !!draft.fields[e.name]; } else { e.value = draft.fields[e.name]; }
    });
  }

  function asBlob(dataUrl) {
    var parts = dataUrl.split(',');
    var type = parts[0].replace(/^data:|;base64$/g, '');
    var bytes = atob(parts[1]);
    var array = new Uint8Array(bytes.length);
    for (var i = 0; i < bytes.length; i++) { array[i] = bytes.charCodeAt(i); }
    return new Blob([array], {type: type});
  }

  function send() {
    var draft = load();
    if (!draft || !draft.pending || sending) { return; }
    if (navigator.onLine === false) { say(form.dataset.saved); return; }
    sending = true;
    say(form.dataset.sending);
    var body = new FormData();
    body.append('_csrf', form.elements._csrf.value);
    Object.keys(draft.fields).forEach(function (name) {
      var v = draft.fields[name];
      if (v === true) { body.append(name, 'true'); } else if (v !== false && v !== '') { body.append(name, v); }
    });
    if (draft.photo) { body.append('photo', asBlob(draft.photo.data), draft.photo.name); }
    if (draft.voice) { body.append('voice', asBlob(draft.voice.data), draft.voice.name); }
    fetch(form.action, {method: 'POST', body: body, credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(function (r) { return r.json().then(function (json) { return {ok: r.ok, json: json}; }); })
      .then(function (answer) {
        sending = false;
        if (answer.ok) {
          memory = null;
          try { localStorage.removeItem(KEY); } catch (e) { /* nothing kept */ }
          errors.hidden = true;
          say(form.dataset.sent.replace('{0}', answer.json.cases.length));
          form.dataset.visit = answer.json.id;
          form.reset();
          return;
        }
        draft.pending = false; // the server refused it: the person must fix it, nothing is sent again by itself
        store(draft);
        status.hidden = true;
        errors.textContent = answer.json.detail || '';
        (answer.json.errors || []).forEach(function (e) {
          var p = document.createElement('p'); p.textContent = e.message; errors.appendChild(p);
        });
        errors.hidden = false;
      })
      .catch(function () { sending = false; say(form.dataset.saved); }); // no connection: the draft waits
  }

  // a chosen file as a data URL, so that it survives in the draft; null when none was chosen
  function read(input, then) {
    var file = input && input.files && input.files[0];
    if (!file) { then(null); return; }
    var reader = new FileReader();
    reader.onload = function () { then({name: file.name, data: reader.result}); };
    reader.readAsDataURL(file);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var before = load() || {};
    var draft = {fields: fields(), pending: true, photo: before.photo || null, voice: before.voice || null};
    read(photoInput, function (photo) {
      if (photo) { draft.photo = photo; }
      read(voiceInput, function (voice) {
        if (voice) { draft.voice = voice; }
        store(draft);
        send();
      });
    });
  });

  var kept = load();
  if (kept) {
    restore(kept);
    if (kept.pending) { say(form.dataset.restored); }
  }
  window.addEventListener('online', send);
  setInterval(send, 3000);
})();
