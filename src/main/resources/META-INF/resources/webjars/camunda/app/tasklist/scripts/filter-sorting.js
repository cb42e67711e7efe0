/*
 * InTouch support desk: Tasklist opens a filter with the sorting of the filter's own query.
 *
 * Tasklist 7.24 sorts the task list only by the URL parameter `sorting` (default: creation date, newest first) and
 * keeps that parameter when another filter is clicked; the sorting stored in a filter's query comes after it
 * and so never shows. This script watches the URL: when the selected filter changes and that filter's query
 * declares a sorting, it puts that sorting into the URL, and Tasklist reloads the list and its sort control
 * with it. The agent may still change the sorting afterwards; the next click on a filter applies the filter's again.
 */

const appRoot = document.querySelector('base').getAttribute('app-root');
const engine = (window.location.pathname.match(/\/app\/tasklist\/([^/]+)/) || [])[1] || 'default';

let sortings = null; // filter id -> its sorting as Tasklist writes it into the URL
let lastFilter = null;

function loadSortings(filterId) {
  if (sortings && filterId in sortings) {
    return Promise.resolve(sortings);
  }
  // not yet logged in, or a filter created since: ask again
  return fetch(`${appRoot}/api/engine/engine/${engine}/filter?resourceType=Task`, {
    credentials: 'same-origin',
    headers: {Accept: 'application/json'}
  })
    .then(response => (response.ok ? response.json() : null))
    .then(filters => {
      if (filters) {
        sortings = {};
        filters.forEach(filter => {
          const sorting = (filter.query && filter.query.sorting) || [];
          sortings[filter.id] = sorting.length
            ? JSON.stringify(sorting.map(s => ({sortBy: s.sortBy, sortOrder: s.sortOrder})))
            : null;
        });
      }
      return sortings || {};
    })
    .catch(() => sortings || {});
}

function applyFilterSorting() {
  const hash = window.location.hash;
  const query = hash.indexOf('?') >= 0 ? hash.slice(hash.indexOf('?') + 1) : '';
  const params = new URLSearchParams(query);
  const filterId = params.get('filter');
  if (!filterId || filterId === lastFilter) {
    return;
  }
  loadSortings(filterId).then(known => {
    if (!(filterId in known)) {
      return; // unknown yet (e.g. before the login): the next URL change tries again
    }
    lastFilter = filterId;
    const sorting = known[filterId];
    if (!sorting || params.get('sorting') === sorting) {
      return;
    }
    params.set('sorting', sorting);
    const path = hash.indexOf('?') >= 0 ? hash.slice(1, hash.indexOf('?')) : hash.slice(1) || '/';
    // replace, not push: the browser's back button keeps working as before
    window.location.replace(`${window.location.pathname}${window.location.search}#${path}?${params.toString()}`);
  });
}

window.addEventListener('hashchange', applyFilterSorting);
applyFilterSorting();

export default [];
