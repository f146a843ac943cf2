// the category's questions as a hint; the phone's location when the villager asks for it
document.querySelectorAll('input[name=category]').forEach(function (radio) {
  radio.addEventListener('change', function () {
    document.getElementById('description').placeholder = radio.dataset.questions || '';
  });
});
document.getElementById('locate').addEventListener('click', function () {
  if (!navigator.geolocation) { return; }
  navigator.geolocation.getCurrentPosition(function (p) {
    document.getElementById('lat').value = p.coords.latitude.toFixed(6);
    document.getElementById('lon').value = p.coords.longitude.toFixed(6);
    document.getElementById('located').textContent = p.coords.latitude.toFixed(4) + ', ' + p.coords.longitude.toFixed(4);
  });
});
