// The newsroom's one script. Every page works without it; it adds comfort.

function confirmDangerousActions(): void {
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const question = form.dataset.confirm;
    if (question && !window.confirm(question)) event.preventDefault();
  });
}

confirmDangerousActions();
