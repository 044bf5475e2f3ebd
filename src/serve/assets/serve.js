// The input form of the page at `/` (whosaid serve): sends the pasted
// article, or the dropped or chosen .txt or .jsonl file, to
// /v1/extract?format=html and shows the answer, the review page's
// sections, in <main> (the review page's own script then works on them).
// The server escapes all text; this script writes only text itself.
(function () {
  'use strict';

  const form = document.getElementById('input');
  const article = document.getElementById('article');
  const docId = document.getElementById('doc-id');
  const fileInput = document.getElementById('file');
  const status = document.getElementById('status');
  const main = document.getElementById('docs');
  // Documents read from a .jsonl file, sent instead of the text box.
  let jsonlDocuments = null;

  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle('error', Boolean(isError));
  }

  // The documents of a .jsonl file: one JSON object a line.
  function parseJsonl(text, name) {
    return text.split('\n').filter((line) => line.trim() !== '')
        .map((line, i) => {
          try {
            return JSON.parse(line);
          } catch (e) {
            throw new Error(name + ' line ' + (i + 1) + ': not JSON');
          }
        });
  }

  async function readFile(file) {
    const text = await file.text();
    if (/\.jsonl$/i.test(file.name)) {
      jsonlDocuments = parseJsonl(text, file.name);
      article.value = '';
      article.placeholder = file.name + ': ' + jsonlDocuments.length +
          ' documents';
    } else {
      jsonlDocuments = null;
      article.value = text;
    }
    docId.value = file.name;
  }

  async function loadFile(file) {
    try {
      await readFile(file);
      say('');
      form.requestSubmit();
    } catch (error) {
      say(error.message, true);
    }
  }

  fileInput.addEventListener('change', function () {
    if (fileInput.files.length) loadFile(fileInput.files[0]);
  });

  // Typing again means the text box is what to send.
  article.addEventListener('input', function () {
    jsonlDocuments = null;
  });

  form.addEventListener('dragover', function (event) {
    event.preventDefault();
    form.classList.add('dropping');
  });
  form.addEventListener('dragleave', function () {
    form.classList.remove('dropping');
  });
  form.addEventListener('drop', function (event) {
    event.preventDefault();
    form.classList.remove('dropping');
    const files = event.dataTransfer.files;
    if (files.length) loadFile(files[0]);
  });

  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    const body = jsonlDocuments ||
        {id: docId.value.trim() || 'pasted article', text: article.value};
    if (!jsonlDocuments && article.value.trim() === '') {
      say('Paste an article first.', true);
      return;
    }
    say('Finding quotes…');
    try {
      const response = await fetch('/v1/extract?format=html', {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) {
        let message = response.status + ' ' + response.statusText;
        try {
          message = JSON.parse(text).error.message;
        } catch (e) {
          // Not JSON: keep the status line.
        }
        say(message, true);
        return;
      }
      // Sections rendered and escaped by the server (html_format.h).
      main.innerHTML = text;
      const count = main.querySelectorAll('section.doc').length;
      const quotes = new Set([...main.querySelectorAll('mark.q')].map(
          (m) => m.closest('section.doc').id + ':' + m.dataset.q)).size;
      say(count + (count === 1 ? ' document, ' : ' documents, ') + quotes +
          (quotes === 1 ? ' quote' : ' quotes'));
    } catch (error) {
      say('The server did not answer: ' + error.message, true);
    }
  });
})();
