// Search over the Pagefind index of this build. Reading and navigating need no
// JavaScript, so the form stays hidden until this script runs; Pagefind itself
// (script, WebAssembly, index) loads only when the reader first uses the box.
const form = document.querySelector('[data-search]');
if (form) {
  const input = form.querySelector('input');
  const panel = form.querySelector('.search-results');
  const list = panel.querySelector('ul');
  const status = form.querySelector('[role="status"]');
  let engine;
  // The site may be served under a path (/handbook/): the index lies beside this script's folder, wherever that is.
  // Pagefind prefixes its results' URLs (site paths) with the folder its bundle is served from.
  const bundle = new URL('../pagefind/', import.meta.url);
  const load = () =>
    (engine ??= import(new URL('pagefind.js', bundle).href).then(async (pagefind) => {
      const options = { excerptLength: 16 };
      await pagefind.options(options);
      await pagefind.init();
      // A big handbook's index comes in shards (handbook.config.yaml, search.shard_pages): one search covers them all.
      const shards = await fetch(new URL('shards.json', bundle)).then((response) => (response.ok ? response.json() : []));
      await Promise.all(shards.map((shard) => pagefind.mergeIndex(new URL(shard, bundle).pathname, options)));
      return pagefind;
    }));
  const close = () => {
    panel.hidden = true;
  };
  const show = (items, message) => {
    list.replaceChildren(...items);
    status.textContent = message;
    panel.hidden = false;
  };

  form.hidden = false;
  input.addEventListener('focus', load, { once: true });
  input.addEventListener('input', async () => {
    const query = input.value.trim();
    if (query === '') {
      list.replaceChildren();
      status.textContent = '';
      close();
      return;
    }
    const pagefind = await load();
    const search = await pagefind.debouncedSearch(query, {}, 150);
    // null: a newer query superseded this one while it waited.
    if (search === null) return;
    const pages = await Promise.all(search.results.slice(0, 8).map((result) => result.data()));
    if (input.value.trim() !== query) return;
    if (pages.length === 0) {
      const none = document.createElement('li');
      none.className = 'search-empty';
      none.textContent = `No pages match “${query}”.`;
      show([none], none.textContent);
    } else {
      const count = search.results.length;
      show(pages.map(resultItem), `${count} ${count === 1 ? 'page matches' : 'pages match'} “${query}”.`);
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    form.querySelector('.search-results a')?.click();
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      close();
      input.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const links = [...form.querySelectorAll('.search-results a')];
      if (links.length === 0) return;
      event.preventDefault();
      const at = links.indexOf(document.activeElement);
      const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
      (next < 0 ? input : links[Math.min(next, links.length - 1)]).focus();
    }
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget)) close();
  });
  input.addEventListener('focus', () => {
    if (list.children.length > 0) panel.hidden = false;
  });
}

/** One page of the results: its title and excerpt, then the sections of it that matched. */
function resultItem(page) {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = page.url;
  // The trail (set by the layout) tells apart pages of the same title in different sections.
  if (page.meta.trail) {
    const trail = document.createElement('span');
    trail.className = 'search-trail';
    trail.textContent = page.meta.trail;
    link.append(trail);
  }
  const title = document.createElement('span');
  title.className = 'search-title';
  title.textContent = page.meta.title;
  const excerpt = document.createElement('span');
  excerpt.className = 'search-excerpt';
  // Pagefind's excerpt is the page's text, HTML-escaped, with the matches in <mark>.
  excerpt.innerHTML = page.excerpt;
  link.append(title, excerpt);
  item.append(link);
  const sections = page.sub_results.filter((sub) => sub.url !== page.url).slice(0, 3);
  if (sections.length > 0) {
    const subList = document.createElement('ul');
    for (const sub of sections) {
      const subItem = document.createElement('li');
      const subLink = document.createElement('a');
      subLink.href = sub.url;
      subLink.textContent = sub.title;
      subItem.append(subLink);
      subList.append(subItem);
    }
    item.append(subList);
  }
  return item;
}
