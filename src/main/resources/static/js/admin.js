// the admin's category form: add, move and remove questions; the server takes them in the order shown
(function () {
  const list = document.getElementById('question-list');
  if (!list) return;
  document.getElementById('add-question').addEventListener('click', () => {
    list.appendChild(document.getElementById('question-template').content.firstElementChild.cloneNode(true));
    list.lastElementChild.querySelector('input').focus();
  });
  list.addEventListener('click', e => {
    const li = e.target.closest('li');
    if (!li || e.target.tagName !== 'BUTTON') return;
    if (e.target.classList.contains('remove')) li.remove();
    else if (e.target.classList.contains('up') && li.previousElementSibling) list.insertBefore(li, li.previousElementSibling);
    else if (e.target.classList.contains('down') && li.nextElementSibling) list.insertBefore(li.nextElementSibling, li);
  });
})();
