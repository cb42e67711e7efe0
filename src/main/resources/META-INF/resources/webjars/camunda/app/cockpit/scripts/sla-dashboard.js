// InTouch support desk: the managers' SLA dashboard on Cockpit's dashboard (7.14+ frontend plugin API, plain
// JavaScript, no build step, nothing loaded from outside). Figures from GET /api/reports/sla, which accepts the
// Cockpit session for reads (see WebappSessionAuthentication); the charts are inline SVG drawn here.

// our /api lives at the root of the servlet context, beside the webapps under /camunda
const REPORT_URL = '/api/reports/sla';

const GROUPS = {
  'support-agents': '1. úroveň (agenti)',
  'support-specialists': '2. úroveň (specialisté)'
};

const SVG = 'http://www.w3.org/2000/svg';

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function dateTime(iso) {
  return new Date(iso).toLocaleString('cs-CZ', {
    timeZone: 'Europe/Prague', day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit'
  });
}

function day(isoDate) {
  const [year, month, dayOfMonth] = isoDate.split('-').map(Number);
  return `${dayOfMonth}. ${month}. ${year}`;
}

function percent(share) {
  return share.percent === null ? '–' : `${share.percent.toLocaleString('cs-CZ')} %`;
}

function hours(minutes) {
  if (minutes === null) {
    return '–';
  }
  return `${(Math.round(minutes / 6) / 10).toLocaleString('cs-CZ')} h`;
}

function section(title, id, ...content) {
  return el('section', { id, class: 'sla-section' }, el('h4', {}, title), ...content);
}

function table(head, rows) {
  return el('table', { class: 'table table-condensed sla-table' },
    el('thead', {}, el('tr', {}, ...head.map(cell => el('th', {}, cell)))),
    el('tbody', {}, ...rows.map(row => el('tr', {}, ...row.map(cell => el('td', {}, cell))))));
}

/** Bars of per cent met (0–100 %), one per item; an item without decided deadlines gets a grey stub. */
function barChart(id, items, label, barWidth = 46) {
  const gap = 10;
  const height = 150;
  const top = 18;
  const bottom = 34;
  const width = items.length * (barWidth + gap) + gap;
  const chart = svg('svg', {
    id, width, height: top + height + bottom, viewBox: `0 0 ${width} ${top + height + bottom}`, role: 'img'
  });
  chart.append(svg('line', { x1: 0, y1: top + height, x2: width, y2: top + height, stroke: '#999' }));
  items.forEach((item, index) => {
    const x = gap + index * (barWidth + gap);
    const share = item.share;
    const value = share.percent === null ? 0 : share.percent;
    const barHeight = Math.max(share.percent === null ? 2 : 1, Math.round(height * value / 100));
    const colour = share.percent === null ? '#ccc' : value >= 90 ? '#2e7d32' : value >= 70 ? '#f9a825' : '#c62828';
    const bar = svg('rect', {
      x, y: top + height - barHeight, width: barWidth, height: barHeight, fill: colour, class: 'sla-bar'
    });
    bar.append(svg('title', {}, `${label(item)}: ${percent(share)} (${share.met} z ${share.decided} včas)`));
    chart.append(bar);
    chart.append(svg('text', {
      x: x + barWidth / 2, y: top + height - barHeight - 4, 'text-anchor': 'middle', 'font-size': 11
    }, share.percent === null ? '' : `${Math.round(value)} %`));
    chart.append(svg('text', {
      x: x + barWidth / 2, y: top + height + 14, 'text-anchor': 'middle', 'font-size': 10
    }, label(item)));
    chart.append(svg('text', {
      x: x + barWidth / 2, y: top + height + 27, 'text-anchor': 'middle', 'font-size': 9, fill: '#666'
    }, share.decided ? `${share.met}/${share.decided}` : ''));
  });
  return chart;
}

function waitingTable(tickets, names) {
  if (!tickets.length) {
    return el('p', { class: 'sla-none' }, 'Žádné.');
  }
  return table(['Tiket', 'Firma', 'Naléhavost', 'Termín SLA'], tickets.map(ticket => [
    el('a', { href: ticket.cockpitPath, class: 'sla-ticket' }, ticket.ticketNumber),
    ticket.companyName || '–',
    names[ticket.urgency] || ticket.urgency || '–',
    dateTime(ticket.slaDeadline)
  ]));
}

async function downloadCsv() {
  const response = await fetch(REPORT_URL, { credentials: 'same-origin', headers: { Accept: 'text/csv' } });
  const link = el('a', {
    href: URL.createObjectURL(await response.blob()),
    download: `sla-${new Date().toISOString().slice(0, 10)}.csv`
  });
  document.body.append(link);
  link.click();
  link.remove();
}

function render(container, report) {
  const names = report.urgencyNames;
  const open = report.open;
  const compliance = report.compliance;
  container.replaceChildren(
    el('div', { class: 'sla-head' },
      el('h3', {}, 'Plnění SLA technické podpory'),
      el('p', { class: 'text-muted' },
        `Stav k ${dateTime(report.generatedAt)}. Včas = aktivní řešení zahájeno (úkol „Zahájit řešení“ dokončen) `
        + 'nejpozději v termínu SLA.'),
      el('button', { type: 'button', class: 'btn btn-default btn-sm', id: 'sla-csv' }, 'Stáhnout CSV')),
    el('div', { class: 'sla-cards' },
      el('div', { class: 'sla-card', id: 'sla-open-total' }, el('strong', {}, open.total), ' otevřených tiketů'),
      el('div', { class: 'sla-card sla-warning', id: 'sla-warning-count' },
        el('strong', {}, report.warningPassed.length), ' po upozornění'),
      el('div', { class: 'sla-card sla-breached', id: 'sla-breached-count' },
        el('strong', {}, report.breached.length), ' po termínu SLA'),
      el('div', { class: 'sla-card', id: 'sla-compliance-total' },
        el('strong', {}, percent(compliance.total)), ` včas za 12 týdnů (${compliance.total.met} z ${compliance.total.decided})`)),
    section('Otevřené tikety', 'sla-open',
      el('div', { class: 'sla-columns' },
        table(['Naléhavost', 'Tiketů'], Object.entries(open.byUrgency)
          .map(([code, count]) => [code === 'UNKNOWN' ? 'zatím neurčena' : names[code] || code, count])),
        table(['Skupina', 'Tiketů s úkolem'], Object.entries(open.byCandidateGroup)
          .map(([group, count]) => [GROUPS[group] || group, count])))),
    section('Po termínu SLA (řešení nezahájeno)', 'sla-breached', waitingTable(report.breached, names)),
    section('Po upozornění, termín ještě neuplynul', 'sla-warning', waitingTable(report.warningPassed, names)),
    section(`Plnění SLA po týdnech (termín v týdnu; ${day(compliance.from)} – ${day(compliance.until)})`,
      'sla-weeks', barChart('sla-weeks-chart', compliance.weeks, week => {
        const [, month, dayOfMonth] = week.weekStart.split('-').map(Number);
        return `${dayOfMonth}. ${month}.`;
      })),
    section('Plnění SLA podle naléhavosti (12 týdnů)', 'sla-urgency',
      barChart('sla-urgency-chart', compliance.byUrgency, item => names[item.urgency] || item.urgency, 130)),
    section('Od přijetí po zahájení řešení (12 týdnů)', 'sla-time',
      table(['Tiketů', 'Medián', '90. percentil'], [[report.timeToStart.tickets,
        hours(report.timeToStart.medianMinutes), hours(report.timeToStart.p90Minutes)]])),
    section('Kosmetické vady podle plánovaných vydání', 'sla-backlog',
      table(['Vydání', 'Plánováno na', 'Tiketů', 'Z toho opraveno'], [
        ...report.cosmeticBacklog.releases.map(release => [release.version,
          release.plannedOn ? day(release.plannedOn) : '–', release.tickets, release.fixed]),
        ['bez vydání', '–', report.cosmeticBacklog.unassigned, '–']])));
  container.querySelector('#sla-csv').addEventListener('click', downloadCsv);
}

const STYLE = `
  #sla-dashboard { margin: 10px 0 30px; }
  #sla-dashboard .sla-cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 10px 0; }
  #sla-dashboard .sla-card { border: 1px solid #ddd; border-radius: 4px; padding: 8px 14px; min-width: 150px; }
  #sla-dashboard .sla-card strong { font-size: 22px; margin-right: 4px; }
  #sla-dashboard .sla-warning strong { color: #f9a825; }
  #sla-dashboard .sla-breached strong { color: #c62828; }
  #sla-dashboard .sla-columns { display: flex; flex-wrap: wrap; gap: 30px; align-items: flex-start; }
  #sla-dashboard .sla-table { width: auto; min-width: 280px; }
  #sla-dashboard .sla-section { margin-top: 18px; }
`;

export default [{
  id: 'intouch.slaDashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render: (node) => {
    const container = el('div', { id: 'sla-dashboard' }, el('style', {}, STYLE), el('p', {}, 'Načítám přehled SLA…'));
    node.append(container);
    const body = el('div', {});
    fetch(REPORT_URL, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(response => {
        if (response.status === 401 || response.status === 403) {
          throw new Error('Přehled SLA vidí jen vedoucí podpory a správci.');
        }
        if (!response.ok) {
          throw new Error(`Přehled SLA se nepodařilo načíst (HTTP ${response.status}).`);
        }
        return response.json();
      })
      .then(report => {
        render(body, report);
        container.replaceChildren(container.firstChild, body);
      })
      .catch(error => {
        container.replaceChildren(container.firstChild, el('p', { class: 'text-muted', id: 'sla-error' }, error.message));
      });
  }
}];
