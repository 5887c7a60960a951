// The resident's chat page: starts a conversation, sends messages, shows replies with their sources.
// While an answer is being written it streams in as a draft (server-sent events), one checked
// sentence at a time; the reply to the message then takes the draft's place. A withdrawn draft is
// cleared at once, so nobody goes on reading it while the bot answers from the pages instead.
(function () {
  'use strict';
  var api = '/api/v1/conversations';
  var conversation = null;
  var pending = false;  // a message is waiting for its reply: drafts belong to it
  var draft = null;     // the transcript item showing the draft, until the reply replaces it
  var transcript = document.getElementById('transcript');
  var quickReplies = document.getElementById('quick-replies');
  var form = document.getElementById('ask');
  var input = document.getElementById('message');
  var send = document.getElementById('send');
  var status = document.getElementById('status');

  function safeUrl(url) {
    return /^https?:\/\//i.test(url) ? url : null;
  }

  function addItem(kind, text) {
    var item = document.createElement('li');
    item.className = kind;
    item.textContent = text;
    transcript.appendChild(item);
    item.scrollIntoView({ block: 'end' });
    return item;
  }

  function addLinks(item, heading, pages) {
    if (!pages || pages.length === 0) { return; }
    var list = document.createElement('ul');
    list.className = 'sources';
    list.setAttribute('aria-label', heading);
    pages.forEach(function (page) {
      var url = safeUrl(page.url);
      if (!url) { return; }
      var li = document.createElement('li');
      var link = document.createElement('a');
      link.href = url;
      link.textContent = heading + ': ' + page.title;
      link.rel = 'noopener';
      link.target = '_blank';
      li.appendChild(link);
      list.appendChild(li);
    });
    item.appendChild(list);
  }

  function showQuickReplies(replies) {
    quickReplies.textContent = '';
    (replies || []).forEach(function (text) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = text;
      button.addEventListener('click', function () { ask(text); });
      quickReplies.appendChild(button);
    });
  }

  function request(url, body, token) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) { headers.Authorization = 'Bearer ' + token; }
    return fetch(url, { method: 'POST', headers: headers, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().then(function (json) {
          if (!response.ok) { throw new Error(json.message || 'The request failed.'); }
          return json;
        });
      });
  }

  function showDraft(text) {
    if (!pending || !text) { return; }
    if (!draft) {
      draft = addItem('bot draft', '');
      draft.setAttribute('aria-busy', 'true');
    }
    draft.className = 'bot draft';
    draft.setAttribute('data-draft', 'shown');
    draft.textContent = text;
    draft.scrollIntoView({ block: 'end' });
  }

  function withdrawDraft() {
    if (!pending || !draft) { return; }
    draft.className = 'bot draft withdrawn';
    draft.setAttribute('data-draft', 'withdrawn');
    draft.textContent = 'Checking the council’s pages instead…';
  }

  // Drafts only; replies come back from the message request itself. Resolves once the stream is
  // open, or after a short wait without it: the page works without drafts.
  function listen(c) {
    if (!window.EventSource || !c.events_url) { return Promise.resolve(c); }
    return new Promise(function (resolve) {
      var events = new EventSource(c.events_url + '?token=' + encodeURIComponent(c.token));
      var ready = function () { resolve(c); };
      events.addEventListener('ready', ready);
      events.addEventListener('draft', function (event) { showDraft(JSON.parse(event.data).text); });
      events.addEventListener('withdrawn', withdrawDraft);
      events.addEventListener('error', ready);
      setTimeout(ready, 3000);
    });
  }

  function start() {
    if (conversation) { return Promise.resolve(conversation); }
    return request(api, { channel: 'web' }).then(function (json) {
      conversation = json;
      return listen(json);
    });
  }

  // The reply takes the place of its draft, if one was shown.
  function showReply(reply) {
    var item;
    if (draft) {
      item = draft;
      item.className = 'bot';
      item.removeAttribute('aria-busy');
      item.textContent = reply.text;
    } else {
      item = addItem('bot', reply.text);
    }
    draft = null;
    item.setAttribute('data-action', reply.action);
    addLinks(item, 'Source', reply.citations);
    addLinks(item, 'See also', reply.related);
    item.scrollIntoView({ block: 'end' });
  }

  function ask(text) {
    text = text.trim();
    if (!text) { return; }
    addItem('resident', text);
    showQuickReplies([]);
    input.value = '';
    send.disabled = true;
    status.textContent = 'Looking that up…';
    start()
      .then(function (c) {
        pending = true;
        return request(api + '/' + encodeURIComponent(c.id) + '/messages', { text: text }, c.token);
      })
      .then(function (reply) {
        pending = false;
        showReply(reply);
        showQuickReplies(reply.quick_replies);
        status.textContent = '';
      })
      .catch(function (error) {
        pending = false;
        if (draft) { transcript.removeChild(draft); draft = null; }
        addItem('bot error', 'Sorry, that did not work: ' + error.message);
        status.textContent = '';
      })
      .then(function () { send.disabled = false; input.focus(); });
  }

  fetch('/api/v1/council').then(function (response) { return response.ok ? response.json() : null; })
    .then(function (council) {
      if (!council) { return; }
      document.getElementById('title').textContent = 'Ask ' + council.name;
      document.title = 'Ask ' + council.name;
      document.getElementById('contact').textContent = 'To speak to someone, call ' + council.contact_phone
        + ' (' + council.office_hours + ').';
    })
    .catch(function () { /* the page works without the council's name */ });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    ask(input.value);
  });
}());
