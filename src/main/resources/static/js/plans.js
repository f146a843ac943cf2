// the plan form: once a party branch (党支部) owns the plan, the milestone pickers offer that branch's members only
(() => {
  const owner = document.getElementById('ownerBranch');
  if (!owner) return;
  const narrow = () => {
    document.querySelectorAll('select.assignee').forEach(select => {
      select.querySelectorAll('optgroup').forEach(group => {
        const other = !!owner.value && group.dataset.branch !== owner.value;
        group.hidden = other;
        group.disabled = other;
      });
      const chosen = select.selectedOptions[0];
      if (chosen && chosen.parentElement.disabled) select.value = '';
    });
  };
  owner.addEventListener('change', narrow);
  narrow();
})();
