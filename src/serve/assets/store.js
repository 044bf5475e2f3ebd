// The quote store's part of the page at `/` (whosaid serve --db FILE): the
// verify box ("did X say Y?", POST /v1/verify) and a "where else?" button
// on each quote of the side panel (the quote's occurrences across the
// stored documents, GET /v1/search?group=1). Answers appear in
// #store-answer. It writes only text (textContent), never markup.
(function () {
  'use strict';

  const answer = document.getElementById('store-answer');
  const main = document.getElementById('docs');
  const verify = document.getElementById('verify');
  if (!answer || !main || !verify) return;

  function element(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function show(title, nodes) {
    answer.replaceChildren(element('h3', null, title), ...nodes);
    answer.hidden = false;
  }

  function showError(title, message) {
    show(title, [element('p', 'error', message)]);
  }

  // The JSON answer of `url`; throws the API's error message.
  async function getJson(url, options) {
    const response = await fetch(url, options);
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      throw new Error(body && body.error ? body.error.message :
                                           response.status + ' ' + response.statusText);
    }
    return body;
  }

  // "id · date · outlet" of a stored document.
  function documentLine(doc) {
    return [doc.id, doc.date, doc.outlet].filter(Boolean).join(' · ');
  }

  const kVerdicts = {
    'verbatim': 'Found word for word.',
    'with changes': 'Found, with changes.',
    'not found': 'Not found in the store.',
  };

  function matchItem(match) {
    const a = match.attribution;
    const item = element('li', 'match');
    item.append(element('span', 'similarity', Math.round(match.similarity * 100) + '%'),
                ' ', element('strong', null, a.speaker_name || a.speaker_text || '(no speaker)'),
                ' — ', element('q', null, a.content_text));
    item.append(element('div', 'where', documentLine(a.document)));
    if (!match.verbatim || !match.whole) {
      item.append(element('div', 'diff', 'words: ' + match.diff));
    }
    for (const mark of match.marks) {
      item.append(element('div', 'note', 'in the stored quote: ' + mark.kind + ' “' + mark.text + '”'));
    }
    return item;
  }

  verify.addEventListener('submit', async function (event) {
    event.preventDefault();
    const claim = document.getElementById('claim').value.trim();
    const speaker = document.getElementById('claim-speaker').value.trim();
    if (!claim) {
      showError('Verify', 'Type the claimed quote first.');
      return;
    }
    try {
      const result = await getJson('/v1/verify', {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({claim: claim, speaker: speaker}),
      });
      const list = element('ol', 'matches');
      for (const match of result.matches) list.append(matchItem(match));
      const verdict = element('p', 'verdict', kVerdicts[result.verdict] || result.verdict);
      verdict.dataset.verdict = result.verdict;
      show('Did they say it?', [verdict, list]);
    } catch (error) {
      showError('Did they say it?', error.message);
    }
  });

  function groupItem(group) {
    const item = element('li', 'group');
    item.append(element('strong', null, group.occurrences + '×'), ' ',
                element('q', null, group.text));
    const seen = group.first_seen ?
        'first seen ' + group.first_seen + ', last seen ' + group.last_seen + '; ' : '';
    item.append(element('div', 'where',
        seen + 'speakers: ' + group.speakers.join(', ') +
        (group.outlets.length ? '; outlets: ' + group.outlets.join(', ') : '')));
    item.append(element('div', 'where', 'documents: ' + group.documents.join(', ')));
    return item;
  }

  // The text of quote `q` of `doc`: its pieces, joined.
  function quoteText(doc, q) {
    return [...doc.querySelectorAll('.text mark.q[data-q="' + CSS.escape(q) + '"]')]
        .map((m) => m.textContent).join(' ');
  }

  document.addEventListener('click', async function (event) {
    const button = event.target.closest('.where-else');
    if (!button) return;
    const text = quoteText(button.closest('section.doc'), button.dataset.q);
    // One phrase: the quote's words, without quotation marks of its own.
    const phrase = '"' + text.replace(/["“”„«»]/g, ' ').replace(/\s+/g, ' ').trim() + '"';
    try {
      const result = await getJson('/v1/search?group=1&limit=10&q=' +
                                   encodeURIComponent(phrase));
      const list = element('ol', 'groups');
      for (const group of result.groups) list.append(groupItem(group));
      show('Where else was this said', result.groups.length ?
          [element('p', 'quoted', '“' + text + '”'), list] :
          [element('p', 'quoted', '“' + text + '”'),
           element('p', 'none', 'Nowhere else in the store.')]);
    } catch (error) {
      showError('Where else was this said', error.message);
    }
  });

  // A "where else?" button on each quote of the side panel, for the
  // documents the form brings in.
  function addButtons() {
    main.querySelectorAll('.speaker-quotes li').forEach(function (item) {
      const link = item.querySelector('.quote-link');
      if (!link || item.querySelector('.where-else')) return;
      const button = element('button', 'where-else', 'where else?');
      button.type = 'button';
      button.dataset.q = link.dataset.q;
      item.append(button);
    });
  }
  new MutationObserver(addButtons).observe(main, {childList: true});
  addButtons();
})();
