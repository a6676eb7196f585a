// The inbox, live: the console relays notification-service's stream; each event is the inbox's own row, rendered
// and escaped by the server, inserted at the top. After a reconnect (the relay ends now and then, and EventSource
// comes back by itself) the rows are read again with htmx, for what arrived in between.
(function () {
  var list = document.getElementById('inbox-list');
  var status = document.getElementById('inbox-live');
  if (!list || !status || !window.EventSource) {
    return;
  }
  var source = new EventSource(list.dataset.stream);
  var opened = false;
  source.addEventListener('open', function () {
    if (opened && window.htmx) {
      htmx.ajax('GET', list.dataset.rows, {target: '#inbox-list', swap: 'innerHTML'});
    }
    opened = true;
    // also says to a test that the stream is open: from now on nothing new is missed
    list.dataset.live = 'true';
    status.textContent = status.dataset.on;
  });
  source.addEventListener('notice', function (event) {
    var template = document.createElement('template');
    template.innerHTML = event.data;
    var row = template.content.firstElementChild;
    if (!row || document.getElementById(row.id)) {
      return;
    }
    var empty = document.getElementById('inbox-empty');
    if (empty) {
      empty.remove();
    }
    list.prepend(row);
    // one more notice, and one more unread: the two numbers of "共 n 条，未读 m 条"
    var counts = document.getElementById('inbox-counts');
    if (counts) {
      counts.textContent = counts.textContent.replace(/\d+/g, function (n) {
        return String(Number(n) + 1);
      });
    }
  });
  source.addEventListener('error', function () {
    // a refusal (the session ended, say) closes the stream for good; a dropped connection is retried
    if (source.readyState === EventSource.CLOSED) {
      list.dataset.live = 'false';
      status.textContent = status.dataset.off;
    }
  });
})();
