/*
 * Search ranking for the handbook (html_search_scorer in conf.py). Sphinx's own weights,
 * plus one rule: a page whose title contains every word of the query ranks before pages that
 * only mention it in a section title or in the text. Without it, searching "TaskGroup" lists
 * the pages with a TaskGroup section, and the Snippet index (whose sections repeat every
 * page's title), alphabetically before the page about TaskGroup.
 */
var Scorer = {
  score: (result) => {
    const [, title, , , score] = result;
    const query = new URLSearchParams(window.location.search).get("q") || "";
    const words = query.toLowerCase().split(/\s+/).filter((word) => word.length > 0);
    // A section-title result is titled "Page title > Section title".
    const pageTitle = (title || "").split(" > ")[0].toLowerCase();
    const named = words.length > 0 && words.every((word) => pageTitle.includes(word));
    return named ? score + Scorer.pageTitleNamesQuery : score;
  },
  pageTitleNamesQuery: 20,

  // Sphinx's defaults (sphinx/themes/basic/static/searchtools.js).
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,
};
