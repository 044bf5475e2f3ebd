// The whosaid review page (src/whosaid/html_format.h): clicking a speaker
// highlights all of their attributions, hovering a quote shows its rule and
// resolution. Inline in every page; its hash is in the page's
// Content-Security-Policy. It listens on the document, so documents added
// later (the server's page) work too. It only ever writes text
// (textContent), never markup.
(function () {
  'use strict';

  // Marks entity `entity` of section `doc` as selected, or clears the
  // selection when it is already selected.
  function selectSpeaker(doc, entity) {
    const again = doc.dataset.sel === entity;
    doc.querySelectorAll('.sel').forEach(function (el) {
      el.classList.remove('sel');
    });
    if (again) {
      delete doc.dataset.sel;
      doc.classList.remove('has-sel');
      return;
    }
    doc.dataset.sel = entity;
    doc.classList.add('has-sel');
    doc.querySelectorAll('[data-e="' + CSS.escape(entity) + '"]')
        .forEach(function (el) {
          el.classList.add('sel');
        });
  }

  document.addEventListener('click', function (event) {
    const target = event.target.closest('.spk, .speaker-name');
    if (!target) return;
    const doc = target.closest('section.doc');
    if (!doc) return;
    event.preventDefault();
    selectSpeaker(doc, target.dataset.e);
    // From a mention in the text, show the speaker's entry in the panel.
    if (target.classList.contains('spk')) {
      const entry = doc.querySelector(
          '.speaker[data-e="' + CSS.escape(target.dataset.e) + '"]');
      if (entry) entry.scrollIntoView({block: 'nearest'});
    }
  });

  // A quote chosen in the panel flashes where it is in the text.
  document.addEventListener('click', function (event) {
    const link = event.target.closest('.quote-link');
    if (!link) return;
    const quote = document.getElementById(link.hash.slice(1));
    if (!quote) return;
    quote.classList.remove('flash');
    void quote.offsetWidth;  // restarts the animation
    quote.classList.add('flash');
  });

  const tip = document.getElementById('tip');

  function describe(quote) {
    const d = quote.dataset;
    const lines = [
      (d.speaker || '(no speaker)') + ' — ' + (d.stance || 'no stance') +
          ' (' + d.type + ')',
      'rule: ' + d.rule,
      'resolution: ' + (d.res || 'none') + ' · confidence ' + d.conf,
    ];
    if (d.via) lines.push('via: ' + d.via);
    return lines.join('\n');
  }

  // Puts the tooltip next to the pointer, inside the window.
  function place(event) {
    const x = Math.min(event.clientX + 14,
                       window.innerWidth - tip.offsetWidth - 4);
    tip.style.left = Math.max(4, x) + 'px';
    tip.style.top = (event.clientY + 18) + 'px';
  }

  document.addEventListener('mouseover', function (event) {
    const quote = event.target.closest('mark.q');
    if (!quote || !tip) return;
    tip.textContent = describe(quote);
    tip.hidden = false;
    place(event);
  });

  document.addEventListener('mousemove', function (event) {
    if (tip && !tip.hidden) place(event);
  });

  document.addEventListener('mouseout', function (event) {
    if (!tip) return;
    const from = event.target.closest('mark.q');
    const to = event.relatedTarget && event.relatedTarget.closest ?
        event.relatedTarget.closest('mark.q') :
        null;
    if (from && !to) tip.hidden = true;
  });
})();
