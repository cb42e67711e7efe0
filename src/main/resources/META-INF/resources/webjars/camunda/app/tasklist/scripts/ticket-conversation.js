/*
 * InTouch support desk: the tab "Konverzace" in Tasklist's task detail (plugin point tasklist.task.detail, the
 * frontend plugin API of Camunda 7.14+). It shows the whole exchange of the task's ticket, oldest first, each message
 * marked by who wrote it, with the customer's attachments as downloads, and for managers a link to the ticket in
 * Cockpit.
 *
 * Data: GET /api/tickets/{ticketNumber}/conversation, called with the Tasklist session (the desk accepts the
 * webapp's login for that read-only GET). The ticket number is the task's variable ticketNumber, read through the
 * webapp's own engine API.
 *
 * Everything a customer wrote goes into the page as text (textContent), never as HTML.
 */

const TEXT = {
  label: 'Konverzace',
  loading: 'Načítám konverzaci…',
  noTicket: 'Tento úkol nepatří k žádnému tiketu.',
  failed: 'Konverzaci se nepodařilo načíst',
  empty: 'Tiket nemá žádné zprávy.',
  ticket: 'Tiket',
  cockpit: 'Otevřít tiket v Cockpitu',
  attachments: 'Přílohy',
  otherAttachments: 'Další přílohy tiketu',
  truncated: 'zkráceno, překročen limit velikosti',
  from: 'Od',
  to: 'Komu',
  noSubject: '(bez předmětu)',
  channel: {EMAIL: 'e-mail', PHONE: 'telefon', WEB: 'web'}
};

/** Our API sits at the root of the desk, beside /camunda. */
const DESK_API = '/api/tickets/';

const STYLE = `
.sd-conversation { padding: 10px 15px; }
.sd-conversation .sd-head { margin-bottom: 10px; }
.sd-conversation .sd-head a { margin-left: 15px; }
.sd-message { border: 1px solid #ddd; border-left-width: 6px; border-radius: 3px; margin: 0 0 12px; padding: 8px 12px; }
.sd-message.sd-customer { border-left-color: #1f6fb5; background: #f3f8fd; margin-right: 15%; }
.sd-message.sd-agent { border-left-color: #2e8540; background: #f4faf5; margin-left: 15%; }
.sd-message.sd-automatic { border-left-color: #999; background: #f7f7f7; margin-left: 15%; color: #555; }
.sd-message .sd-author { font-weight: bold; margin-right: 8px; }
.sd-message .sd-meta { font-size: 12px; color: #666; }
.sd-message .sd-subject { font-weight: bold; margin: 4px 0; }
.sd-message .sd-body { white-space: pre-wrap; word-wrap: break-word; font-family: inherit; margin: 4px 0 0;
  background: transparent; border: 0; padding: 0; max-height: 400px; overflow: auto; }
.sd-attachments { margin: 6px 0 0; padding-left: 18px; }
`;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}

function formatTime(iso) {
  const date = new Date(iso);
  return isNaN(date) ? '' : date.toLocaleString('cs-CZ', {timeZone: 'Europe/Prague'});
}

function formatSize(bytes) {
  const size = Number(bytes) || 0;
  if (size < 1024) {
    return size + ' B';
  }
  const units = ['kB', 'MB', 'GB'];
  let value = size / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return value.toLocaleString('cs-CZ', {maximumFractionDigits: 1}) + ' ' + units[unit];
}

async function ticketNumberOf(api, taskId) {
  const response = await fetch(api.engineApi + '/task/' + encodeURIComponent(taskId)
      + '/variables/ticketNumber?deserializeValue=false',
      {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (response.status === 404) {
    return null;
  }
  if (!response.ok) {
    throw new Error('HTTP ' + response.status);
  }
  const variable = await response.json();
  return variable && typeof variable.value === 'string' && variable.value ? variable.value : null;
}

function attachmentList(ticketNumber, attachments) {
  const list = element('ul', 'sd-attachments');
  attachments.forEach(attachment => {
    const item = element('li', 'sd-attachment');
    const link = element('a', 'sd-download', attachment.fileName);
    // built here from the ticket number and a numeric id: nothing a customer wrote goes into the URL
    link.href = DESK_API + encodeURIComponent(ticketNumber) + '/attachments/' + Number(attachment.id);
    link.setAttribute('download', '');
    link.rel = 'noopener';
    item.appendChild(link);
    let note = ' (' + formatSize(attachment.size);
    if (attachment.truncated) {
      note += ', ' + TEXT.truncated;
    }
    item.appendChild(document.createTextNode(note + ')'));
    list.appendChild(item);
  });
  return list;
}

function messageCard(ticketNumber, message) {
  const author = String(message.author || 'AUTOMATIC').toLowerCase().replace(/[^a-z]/g, '');
  const card = element('div', 'sd-message sd-' + author);
  card.setAttribute('data-author', author.toUpperCase());
  const meta = element('div', 'sd-meta');
  meta.appendChild(element('span', 'sd-author', message.authorLabel));
  const parts = [formatTime(message.at), TEXT.channel[message.channel] || message.channel];
  if (message.from) {
    parts.push(TEXT.from + ': ' + message.from);
  }
  if (message.to) {
    parts.push(TEXT.to + ': ' + message.to);
  }
  meta.appendChild(document.createTextNode(parts.filter(Boolean).join(' · ')));
  card.appendChild(meta);
  card.appendChild(element('div', 'sd-subject', message.subject || TEXT.noSubject));
  card.appendChild(element('pre', 'sd-body', message.body || ''));
  if (message.attachments && message.attachments.length) {
    card.appendChild(element('div', 'sd-meta', TEXT.attachments + ':'));
    card.appendChild(attachmentList(ticketNumber, message.attachments));
  }
  return card;
}

function show(container, conversation) {
  container.textContent = '';
  const head = element('div', 'sd-head');
  head.appendChild(element('strong', null, TEXT.ticket + ' ' + conversation.ticketNumber));
  if (typeof conversation.cockpitUrl === 'string' && conversation.cockpitUrl.startsWith('/camunda/app/cockpit/')) {
    const cockpit = element('a', 'sd-cockpit', TEXT.cockpit);
    cockpit.href = conversation.cockpitUrl;
    cockpit.target = '_blank';
    cockpit.rel = 'noopener';
    head.appendChild(cockpit);
  }
  container.appendChild(head);
  if (!conversation.messages.length) {
    container.appendChild(element('p', null, TEXT.empty));
  }
  conversation.messages.forEach(message => container.appendChild(messageCard(conversation.ticketNumber, message)));
  if (conversation.otherAttachments && conversation.otherAttachments.length) {
    container.appendChild(element('div', 'sd-meta', TEXT.otherAttachments + ':'));
    container.appendChild(attachmentList(conversation.ticketNumber, conversation.otherAttachments));
  }
}

async function load(container, api, taskId) {
  container.setAttribute('data-task', taskId);
  container.textContent = TEXT.loading;
  // an answer for a task the agent has already left is dropped
  const current = () => container.getAttribute('data-task') === taskId;
  try {
    const ticketNumber = await ticketNumberOf(api, taskId);
    if (!current()) {
      return;
    }
    if (!ticketNumber) {
      container.textContent = TEXT.noTicket;
      return;
    }
    const response = await fetch(DESK_API + encodeURIComponent(ticketNumber) + '/conversation',
        {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    const conversation = await response.json();
    if (current()) {
      show(container, conversation);
    }
  } catch (error) {
    if (current()) {
      container.textContent = TEXT.failed + ' (' + error.message + ').';
    }
  }
}

// Tasklist renders the tab again (a new node, the new taskId) when the agent picks another task
export default [{
  id: 'intouch-ticket-conversation',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  label: TEXT.label,
  render: (node, {api, taskId}) => {
    const style = element('style', null, STYLE);
    const container = element('div', 'sd-conversation', TEXT.loading);
    container.id = 'ticket-conversation';
    node.appendChild(style);
    node.appendChild(container);
    load(container, api, taskId);
  }
}];
