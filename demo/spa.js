// The single-page demo's navigation: a script file, not inline, so the demo's CSP needs no 'unsafe-inline'.
const articles = {
  first: { title: 'First article', text: 'A first page of the app, with its own thread.' },
  second: { title: 'Second article', text: 'Another page, another thread, same element.' },
};
const container = document.getElementById('comments');
let handle = null;
const show = (name) => {
  for (const button of document.querySelectorAll('nav button')) {
    if (button.dataset.article === name) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
  const article = articles[name];
  document.getElementById('title').textContent = article ? article.title : 'Nothing to discuss';
  document.getElementById('text').textContent = article ? article.text : 'This page has no comments.';
  if (!article) {
    handle?.unmount();
    handle = null;
    return;
  }
  // Mounting again on the same element switches threads in place; an explicit id names each thread.
  handle = window.Causerie.mount(container, { id: `spa-${name}`, title: article.title, loading: 'eager' });
};
document.querySelector('nav').addEventListener('click', (event) => {
  const name = event.target.closest('button')?.dataset.article;
  if (name) show(name);
});
show('first');
