/*
 * 对接 staff page: need matching (POST /api/match), quick search with suggestions (GET /api/search, /api/suggest)
 * and record details (GET /api/{kind}/{id}). Plain DOM; API text is only ever set through textContent.
 */
(function () {
  'use strict';

  var INDUSTRIES = ['轨道交通装备', '中小航空发动机与通用航空', '北斗应用与时空信息', '先进硬质材料', '功率半导体',
    '新能源与储能', '工业软件', '高分子新材料', '陶瓷', '服饰', '人工智能与电子信息', '生物医药'];
  var REGIONS = ['株洲高新区', '株洲经开区', '天元区', '芦淞区', '石峰区', '荷塘区', '渌口区', '醴陵市', '攸县', '茶陵县', '炎陵县'];
  var TRANSFER_MODES = ['转让', '许可', '作价入股', '合作开发', '技术服务'];
  var KIND_LABEL = { results: '科技成果', needs: '企业需求', experts: '专家' };
  var PAGE_SIZE = 10;
  var MSG = {
    emptyNeed: '请先输入需求描述',
    matching: '正在匹配…',
    searching: '正在检索…',
    noResults: '没有找到匹配的成果，试试换个说法或放宽筛选条件',
    noNeeds: '没有找到匹配的需求，试试换个说法或放宽筛选条件',
    network: '无法连接服务器，请稍后重试'
  };

  function $(id) { return document.getElementById(id); }

  var el = {
    needInput: $('need-input'), needCount: $('need-count'), matchForm: $('match-form'), matchButton: $('match-button'),
    searchForm: $('search-form'), searchInput: $('search-input'), searchKind: $('search-kind'), suggestions: $('suggestions'),
    industry: $('filter-industry'), region: $('filter-region'), regionWrap: $('filter-region-wrap'),
    trlMin: $('filter-trl-min'), trlMax: $('filter-trl-max'), transferOptions: $('transfer-options'),
    transferSet: $('filter-transfer'), filterHint: $('filter-hint'), filtersClear: $('filters-clear'),
    filters: $('filters'), filtersToggle: $('filters-toggle'), filtersCount: $('filters-count'),
    status: $('status'), columns: $('columns'), welcome: $('welcome'),
    results: $('results'), resultsHeading: $('results-heading'), resultsSummary: $('results-summary'),
    searchTotal: $('search-total'), facets: $('facets'),
    pager: $('pager'), pagePrev: $('page-prev'), pageNext: $('page-next'), pageInfo: $('page-info'),
    experts: $('experts'), expertsSummary: $('experts-summary'), expertsNote: $('experts-note'),
    detail: $('detail'), detailBackdrop: $('detail-backdrop'), detailBody: $('detail-body'), detailClose: $('detail-close'),
    detailBack: $('detail-back'), detailKind: $('detail-kind'), jumpExperts: $('jump-experts'),
    expertsPanel: $('experts-panel')
  };

  // mode: null (nothing run yet), 'match' or 'search'
  var state = { mode: null, matchText: '', search: { q: '', kind: 'results', page: 1 }, total: 0 };
  var seq = 0; // the latest main request; older answers are dropped
  var mainAbort = null;

  // ---------------------------------------------------------------- DOM helpers

  function h(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === 'text') node.textContent = v;
        else if (k === 'className') node.className = v;
        else if (k === 'testid') node.setAttribute('data-testid', v);
        else if (k === 'onclick') node.addEventListener('click', v);
        else node.setAttribute(k, v === true ? '' : v);
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      if (Array.isArray(c)) c.forEach(function (x) { if (x) node.appendChild(typeof x === 'string' ? document.createTextNode(x) : x); });
      else node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function fillSelect(select, values) {
    values.forEach(function (v) { select.appendChild(h('option', { value: String(v), text: String(v) })); });
  }

  /** Text with [start, end) ranges wrapped in <mark>; ranges are clipped, sorted and merged first. */
  function highlighted(text, ranges) {
    var frag = document.createDocumentFragment();
    text = String(text || '');
    var rs = (ranges || []).filter(function (r) { return Array.isArray(r) && r.length === 2; })
      .map(function (r) { return [Math.max(0, Math.min(text.length, r[0] | 0)), Math.max(0, Math.min(text.length, r[1] | 0))]; })
      .filter(function (r) { return r[1] > r[0]; })
      .sort(function (a, b) { return a[0] - b[0]; });
    var pos = 0;
    rs.forEach(function (r) {
      var s = Math.max(r[0], pos);
      if (r[1] <= s) return;
      if (s > pos) frag.appendChild(document.createTextNode(text.slice(pos, s)));
      frag.appendChild(h('mark', { text: text.slice(s, r[1]) }));
      pos = r[1];
    });
    if (pos < text.length) frag.appendChild(document.createTextNode(text.slice(pos)));
    return frag;
  }

  function matchBar(percent) {
    var p = Math.max(0, Math.min(100, Math.round(Number(percent) || 0)));
    var level = p >= 70 ? 'high' : p >= 40 ? 'mid' : 'low';
    return h('div', { className: 'match match-' + level },
      h('span', { className: 'match-label', text: '匹配度' }),
      h('div', { className: 'bar', role: 'meter', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(p), 'aria-label': '匹配度' },
        h('div', { className: 'bar-fill', style: 'width:' + p + '%' })),
      h('span', { className: 'match-percent', testid: 'match-percent', text: p + '%' }));
  }

  function reasonList(reasons, skipTypes) {
    var list = h('ul', { className: 'reasons', testid: 'reasons', 'aria-label': '匹配理由' });
    (reasons || []).forEach(function (r) {
      if (!r || !r.text || (skipTypes && skipTypes.indexOf(r.type) >= 0)) return;
      var type = String(r.type || 'other').replace(/[^a-z]/g, '');
      var li = h('li', { className: 'reason reason-' + type });
      if (type === 'synonyms') li.appendChild(h('span', { className: 'tag tag-syn', text: '同义词' }));
      li.appendChild(document.createTextNode(r.text));
      list.appendChild(li);
    });
    if (!list.firstChild) list.appendChild(h('li', { className: 'reason reason-none', text: '（无明确匹配理由，仅供参考）' }));
    return list;
  }

  function tags(values, cls) {
    var wrap = h('span', { className: 'tags' });
    (values || []).forEach(function (v) { wrap.appendChild(h('span', { className: 'tag ' + (cls || ''), text: v })); });
    return wrap;
  }

  function teamText(team) {
    return (team || []).map(function (m) { return m.title ? m.name + '（' + m.title + '）' : m.name; }).join('、');
  }

  function metaItem(label, value, testid) {
    if (value === null || value === undefined || value === '') return null;
    return h('div', { className: 'meta-item' }, h('dt', { text: label }), h('dd', { testid: testid, text: String(value) }));
  }

  // ---------------------------------------------------------------- API

  function ApiError(message, status) { this.message = message; this.status = status; }

  /** fetch + JSON; rejects with ApiError carrying a Chinese message. Aborted requests reject with name AbortError. */
  function api(method, path, body, signal) {
    var opts = { method: method, headers: { Accept: 'application/json' }, signal: signal };
    if (body !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(body);
    }
    return fetch(path, opts).then(function (res) {
      return res.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        if (!res.ok) {
          var msg = data && data.error && data.error.message ? data.error.message : '请求失败（HTTP ' + res.status + '），请稍后重试';
          throw new ApiError(msg, res.status);
        }
        if (data === null) throw new ApiError('服务器返回的数据无法解析，请稍后重试', res.status);
        return data;
      });
    }, function (err) {
      if (err && err.name === 'AbortError') throw err;
      throw new ApiError(MSG.network, 0);
    });
  }

  function query(params) {
    var parts = [];
    Object.keys(params).forEach(function (k) {
      var v = params[k];
      (Array.isArray(v) ? v : [v]).forEach(function (x) {
        if (x !== null && x !== undefined && x !== '') parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(x));
      });
    });
    return parts.join('&');
  }

  // ---------------------------------------------------------------- filters

  function readFilters() {
    var f = {
      industry: el.industry.value,
      region: el.region.value,
      trlMin: el.trlMin.value ? parseInt(el.trlMin.value, 10) : null,
      trlMax: el.trlMax.value ? parseInt(el.trlMax.value, 10) : null,
      transferModes: []
    };
    el.transferOptions.querySelectorAll('input:checked').forEach(function (c) { f.transferModes.push(c.value); });
    return f;
  }

  /** The filters object of POST /api/match; regions are left out (results have no region). */
  function matchFilters() {
    var f = readFilters(), out = {};
    if (f.industry) out.industries = [f.industry];
    if (f.trlMin !== null) out.trlMin = f.trlMin;
    if (f.trlMax !== null) out.trlMax = f.trlMax;
    if (f.transferModes.length) out.transferModes = f.transferModes;
    return out;
  }

  /** Query parameters of GET /api/search; region only for needs, transfer modes only for results. */
  function searchParams(kind) {
    var f = readFilters();
    return {
      industry: f.industry || null,
      region: kind === 'needs' ? f.region || null : null,
      trlMin: f.trlMin, trlMax: f.trlMax,
      transferMode: kind === 'needs' ? [] : f.transferModes
    };
  }

  function activeFilterCount() {
    var f = readFilters(), kind = el.searchKind.value, n = 0;
    if (f.industry) n++;
    if (f.region && kind === 'needs') n++;
    if (f.trlMin !== null || f.trlMax !== null) n++;
    if (kind !== 'needs' || state.mode === 'match') n += f.transferModes.length;
    return n;
  }

  function updateFilterUi() {
    var needs = el.searchKind.value === 'needs';
    el.regionWrap.hidden = !needs;
    el.filterHint.textContent = needs
      ? '区县/园区筛选只用于「需求」检索；交易方式只适用于科技成果，检索需求时不生效。'
      : '区县/园区筛选仅适用于企业需求检索：在顶部检索框选择「需求」后出现。';
    el.transferSet.classList.toggle('is-inactive', needs && state.mode === 'search');
    var n = activeFilterCount();
    el.filtersCount.hidden = n === 0;
    el.filtersCount.textContent = String(n);
  }

  function onFilterChange() {
    updateFilterUi();
    rerun();
  }

  function rerun() {
    if (state.mode === 'match' && state.matchText) runMatch(state.matchText);
    else if (state.mode === 'search') { state.search.page = 1; runSearch(); }
  }

  function setupFilters() {
    fillSelect(el.industry, INDUSTRIES);
    fillSelect(el.region, REGIONS);
    var levels = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    fillSelect(el.trlMin, levels);
    fillSelect(el.trlMax, levels);
    TRANSFER_MODES.forEach(function (m, i) {
      var id = 'transfer-' + i;
      el.transferOptions.appendChild(h('span', { className: 'check-chip' },
        h('input', { type: 'checkbox', id: id, value: m, name: 'transferMode' }), h('label', { 'for': id, text: m })));
    });
    [el.industry, el.region].forEach(function (s) { s.addEventListener('change', onFilterChange); });
    el.trlMin.addEventListener('change', function () {
      if (el.trlMin.value && el.trlMax.value && +el.trlMin.value > +el.trlMax.value) el.trlMax.value = el.trlMin.value;
      onFilterChange();
    });
    el.trlMax.addEventListener('change', function () {
      if (el.trlMin.value && el.trlMax.value && +el.trlMin.value > +el.trlMax.value) el.trlMin.value = el.trlMax.value;
      onFilterChange();
    });
    el.transferOptions.addEventListener('change', onFilterChange);
    el.filtersClear.addEventListener('click', function () {
      el.industry.value = ''; el.region.value = ''; el.trlMin.value = ''; el.trlMax.value = '';
      el.transferOptions.querySelectorAll('input').forEach(function (c) { c.checked = false; });
      onFilterChange();
    });
    el.filtersToggle.addEventListener('click', function () {
      var open = el.filtersToggle.getAttribute('aria-expanded') !== 'true';
      el.filtersToggle.setAttribute('aria-expanded', String(open));
      el.filters.classList.toggle('is-open', open);
    });
    updateFilterUi();
  }

  // ---------------------------------------------------------------- status

  function showStatus(kind, message) {
    el.status.hidden = false;
    el.status.className = 'status status-' + kind;
    clear(el.status);
    if (kind === 'loading') el.status.appendChild(h('span', { className: 'spinner', 'aria-hidden': 'true' }));
    el.status.appendChild(h('span', { className: 'status-text', text: message }));
  }

  function hideStatus() {
    el.status.hidden = true;
    clear(el.status);
  }

  function startRequest(message) {
    if (mainAbort) mainAbort.abort();
    mainAbort = typeof AbortController === 'function' ? new AbortController() : null;
    seq++;
    showStatus('loading', message);
    el.columns.setAttribute('aria-busy', 'true');
    return { id: seq, signal: mainAbort ? mainAbort.signal : undefined };
  }

  function finishRequest() { el.columns.removeAttribute('aria-busy'); }

  function failed(req, err) {
    if (err && err.name === 'AbortError') return;
    if (req.id !== seq) return;
    finishRequest();
    showStatus('error', err && err.message ? err.message : MSG.network);
  }

  // ---------------------------------------------------------------- matching

  function runMatch(text) {
    state.mode = 'match';
    state.matchText = text;
    updateFilterUi();
    var req = startRequest(MSG.matching);
    el.matchButton.disabled = true;
    var body = { text: text, k: 10 };
    var filters = matchFilters();
    if (Object.keys(filters).length) body.filters = filters;
    api('POST', '/api/match', body, req.signal).then(function (data) {
      if (req.id !== seq) return;
      finishRequest();
      renderMatch(data);
    }, function (err) { failed(req, err); }).then(function () {
      if (req.id === seq) el.matchButton.disabled = false;
    });
  }

  function submitNeed() {
    var text = el.needInput.value.trim();
    if (!text) {
      if (mainAbort) mainAbort.abort();
      seq++;
      el.matchButton.disabled = false;
      showStatus('error', MSG.emptyNeed);
      el.needInput.focus();
      return;
    }
    runMatch(text);
  }

  function renderMatch(data) {
    var results = data.results || [], experts = data.experts || [];
    el.welcome.hidden = true;
    el.columns.hidden = !results.length && !experts.length;
    el.columns.classList.remove('no-experts');
    el.resultsHeading.textContent = '匹配的科技成果';
    el.resultsSummary.textContent = results.length ? '前 ' + results.length + ' 项' : '';
    el.jumpExperts.hidden = !experts.length;
    el.searchTotal.hidden = true;
    el.facets.hidden = true;
    el.pager.hidden = true;
    renderHits(results, true);
    renderExperts(experts);
    if (!results.length) showStatus('empty', MSG.noResults);
    else hideStatus();
  }

  // ---------------------------------------------------------------- search

  function runSearch() {
    state.mode = 'search';
    var s = state.search;
    updateFilterUi();
    var req = startRequest(MSG.searching);
    var params = searchParams(s.kind);
    params.q = s.q;
    params.kind = s.kind;
    params.page = s.page;
    params.size = PAGE_SIZE;
    var qs = query({ q: params.q, kind: params.kind, page: params.page, size: params.size, industry: params.industry,
      region: params.region, trlMin: params.trlMin, trlMax: params.trlMax, transferMode: params.transferMode });
    api('GET', '/api/search?' + qs, undefined, req.signal).then(function (data) {
      if (req.id !== seq) return;
      finishRequest();
      renderSearch(data, s);
    }, function (err) { failed(req, err); });
  }

  function renderSearch(data, s) {
    var hits = data.hits || [], total = Number(data.total) || 0;
    state.total = total;
    el.welcome.hidden = true;
    el.columns.hidden = !hits.length && !Object.keys(data.facets || {}).some(function (k) { return Object.keys(data.facets[k] || {}).length; });
    el.columns.classList.add('no-experts');
    el.resultsHeading.textContent = (s.kind === 'needs' ? '企业需求' : '科技成果') + '检索' + (s.q ? '：' + s.q : '（全部）');
    el.resultsSummary.textContent = '';
    el.jumpExperts.hidden = true;
    el.searchTotal.hidden = false;
    el.searchTotal.textContent = '共 ' + total + ' 条';
    renderFacets(data.facets || {}, s.kind);
    renderHits(hits, !!s.q, (s.page - 1) * PAGE_SIZE);
    clear(el.experts);
    el.expertsSummary.textContent = '';
    el.expertsNote.hidden = false;
    el.expertsNote.textContent = '专家推荐在「需求匹配」时提供。';
    var pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    el.pager.hidden = total <= PAGE_SIZE;
    el.pagePrev.disabled = s.page <= 1;
    el.pageNext.disabled = s.page >= pages;
    el.pageInfo.textContent = '第 ' + s.page + ' / ' + pages + ' 页';
    if (!hits.length) showStatus('empty', s.kind === 'needs' ? MSG.noNeeds : MSG.noResults);
    else hideStatus();
  }

  var FACETS = [
    { key: 'industry', label: '行业' },
    { key: 'region', label: '区县/园区', kinds: ['needs'] },
    { key: 'transferMode', label: '交易方式', kinds: ['results'] },
    { key: 'trl', label: 'TRL' }
  ];

  function renderFacets(facets, kind) {
    clear(el.facets);
    var f = readFilters();
    FACETS.forEach(function (spec) {
      if (spec.kinds && spec.kinds.indexOf(kind) < 0) return;
      var counts = facets[spec.key] || {};
      var keys = Object.keys(counts).filter(function (k) { return counts[k] > 0; });
      if (!keys.length) return;
      if (spec.key === 'trl') keys.sort(function (a, b) { return +a - +b; });
      var row = h('div', { className: 'facet-row' }, h('span', { className: 'facet-label', text: spec.label }));
      keys.forEach(function (k) {
        var active = spec.key === 'industry' ? f.industry === k
          : spec.key === 'region' ? f.region === k
          : spec.key === 'transferMode' ? f.transferModes.indexOf(k) >= 0
          : f.trlMin === +k && f.trlMax === +k;
        row.appendChild(h('button', {
          type: 'button', className: 'chip' + (active ? ' is-active' : ''), 'aria-pressed': String(active),
          'data-facet': spec.key, 'data-value': k, testid: 'facet-chip',
          onclick: function () { applyFacet(spec.key, k, active); }
        }, (spec.key === 'trl' ? 'TRL ' + k : k) + ' ', h('span', { className: 'chip-count', text: String(counts[k]) })));
      });
      el.facets.appendChild(row);
    });
    el.facets.hidden = !el.facets.firstChild;
  }

  function applyFacet(key, value, active) {
    if (key === 'industry') el.industry.value = active ? '' : value;
    else if (key === 'region') el.region.value = active ? '' : value;
    else if (key === 'trl') { el.trlMin.value = active ? '' : value; el.trlMax.value = active ? '' : value; }
    else if (key === 'transferMode') {
      el.transferOptions.querySelectorAll('input').forEach(function (c) { if (c.value === value) c.checked = !active; });
    }
    onFilterChange();
  }

  // ---------------------------------------------------------------- result and need cards

  function renderHits(hits, showMatch, offset) {
    clear(el.results);
    hits.forEach(function (hit, i) { el.results.appendChild(hitCard(hit, (offset || 0) + i + 1, showMatch)); });
  }

  function hitCard(hit, rank, showMatch) {
    var rec = hit.record || {};
    var kind = hit.kind || 'results';
    var card = h('li', { className: 'card result-card', testid: 'result-card', 'data-id': hit.id, 'data-kind': kind });
    var title = h('h3', { className: 'card-title' },
      h('span', { className: 'rank', 'aria-label': '第 ' + rank + ' 名', text: String(rank) }),
      h('span', { className: 'title-text', testid: 'result-title', text: hit.title || rec.title || hit.id }));
    card.appendChild(title);
    if (showMatch) card.appendChild(matchBar(hit.matchPercent));
    var snippets = (hit.snippets || []).filter(function (s) { return s && s.text; }).slice(0, 2);
    if (snippets.length) {
      var p = h('p', { className: 'snippet', testid: 'snippet' });
      snippets.forEach(function (s, j) {
        if (j > 0) p.appendChild(h('span', { className: 'ellipsis', text: ' … ' }));
        p.appendChild(highlighted(s.text, s.highlights));
      });
      card.appendChild(p);
    }
    if (showMatch || (hit.reasons && hit.reasons.length)) {
      card.appendChild(h('div', { className: 'block-label', text: '匹配理由' }));
      card.appendChild(reasonList(hit.reasons));
    }
    var meta = h('dl', { className: 'meta' });
    if (kind === 'needs') {
      [metaItem('企业', rec.enterprise), metaItem('区县/园区', rec.region, 'region'), metaItem('行业', rec.industry, 'industry'),
        metaItem('需求 TRL', rec.requiredTrl), metaItem('预算', rec.budgetWan != null ? rec.budgetWan + ' 万元' : null),
        metaItem('截止', rec.deadline)].forEach(function (x) { if (x) meta.appendChild(x); });
    } else {
      [metaItem('完成单位', hit.institution ? hit.institution.name : null, 'institution'),
        metaItem('团队', teamText(hit.team), 'team'), metaItem('TRL', rec.trl, 'trl'),
        metaItem('行业', rec.industry, 'industry')].forEach(function (x) { if (x) meta.appendChild(x); });
    }
    var btn = h('button', { type: 'button', className: 'btn btn-outline btn-small detail-button', testid: 'detail-button',
      'aria-label': '查看详情：' + (hit.title || hit.id), text: '详情' });
    card.appendChild(h('div', { className: 'card-foot' }, meta, btn));
    card.addEventListener('click', function (e) {
      if (window.getSelection && String(window.getSelection()).length > 0 && e.target !== btn) return; // selecting text
      openDetail(kind, hit.id, e.currentTarget.querySelector('.detail-button'));
    });
    return card;
  }

  // ---------------------------------------------------------------- experts

  function renderExperts(experts) {
    clear(el.experts);
    el.expertsNote.hidden = experts.length > 0;
    el.expertsNote.textContent = '没有找到相关专家。';
    el.expertsSummary.textContent = experts.length ? '前 ' + experts.length + ' 位' : '';
    experts.forEach(function (x) { el.experts.appendChild(expertCard(x)); });
  }

  function expertCard(x) {
    var rec = x.record || {};
    var name = rec.name || x.title || x.id;
    var card = h('li', { className: 'card expert-card', testid: 'expert-card', 'data-id': x.id });
    var nameBtn = h('button', { type: 'button', className: 'link expert-name', testid: 'expert-name', text: name,
      onclick: function () { openDetail('experts', x.id, nameBtn); } });
    card.appendChild(h('div', { className: 'expert-head' },
      h('span', { className: 'avatar', 'aria-hidden': 'true', text: name.charAt(0) }),
      h('div', { className: 'expert-id' },
        h('div', { className: 'expert-line' }, nameBtn, rec.title ? h('span', { className: 'expert-title', text: rec.title }) : null),
        h('div', { className: 'expert-inst', text: x.institution ? x.institution.name : '' }))));
    card.appendChild(matchBar(x.matchPercent));
    if (rec.areas && rec.areas.length) {
      card.appendChild(h('div', { className: 'areas' }, h('span', { className: 'block-label inline', text: '研究方向' }), tags(rec.areas.slice(0, 6), 'tag-area')));
    }
    card.appendChild(h('div', { className: 'block-label', text: '匹配理由' }));
    card.appendChild(reasonList(x.reasons, ['evidence']));
    var evidence = x.evidence || [];
    card.appendChild(h('div', { className: 'block-label', text: evidence.length ? '相关成果（' + evidence.length + ' 项）' : '相关成果' }));
    var list = h('ul', { className: 'evidence', testid: 'evidence' });
    if (!evidence.length) list.appendChild(h('li', { className: 'muted', text: '暂无与本需求直接相关的成果' }));
    evidence.forEach(function (ev) {
      var b = h('button', { type: 'button', className: 'link evidence-title', testid: 'evidence-title', 'data-id': ev.id, text: ev.title });
      b.addEventListener('click', function () { openDetail('results', ev.id, b); });
      list.appendChild(h('li', null, b, h('span', { className: 'evidence-percent', text: (ev.matchPercent | 0) + '%' })));
    });
    card.appendChild(list);
    return card;
  }

  // ---------------------------------------------------------------- detail view

  var detailStack = []; // [{kind, id}]
  var detailOpener = null;
  var detailSeq = 0;

  function openDetail(kind, id, opener) {
    if (el.detail.hidden) {
      detailStack = [];
      detailOpener = opener || document.activeElement;
    }
    detailStack.push({ kind: kind, id: id });
    el.detail.hidden = false;
    el.detailBackdrop.hidden = false;
    document.body.classList.add('modal-open');
    loadDetail();
    el.detailClose.focus();
  }

  function closeDetail() {
    if (el.detail.hidden) return;
    detailSeq++;
    el.detail.hidden = true;
    el.detailBackdrop.hidden = true;
    document.body.classList.remove('modal-open');
    clear(el.detailBody);
    detailStack = [];
    if (detailOpener && document.contains(detailOpener)) detailOpener.focus();
    detailOpener = null;
  }

  function loadDetail() {
    var top = detailStack[detailStack.length - 1];
    var my = ++detailSeq;
    el.detailBack.hidden = detailStack.length < 2;
    el.detailKind.textContent = KIND_LABEL[top.kind] || '';
    clear(el.detailBody);
    el.detailBody.appendChild(h('p', { className: 'status status-loading inline' }, h('span', { className: 'spinner', 'aria-hidden': 'true' }), '正在加载…'));
    api('GET', '/api/' + top.kind + '/' + encodeURIComponent(top.id)).then(function (data) {
      if (my !== detailSeq) return;
      clear(el.detailBody);
      el.detailBody.appendChild(renderDetail(top.kind, data));
      el.detailBody.scrollTop = 0;
    }, function (err) {
      if (my !== detailSeq) return;
      clear(el.detailBody);
      el.detailBody.appendChild(h('p', { className: 'status status-error inline', text: err.message || MSG.network }));
    });
  }

  function section(label, content) {
    if (!content) return null;
    return h('section', { className: 'detail-section' }, h('h3', { text: label }), content);
  }

  function renderDetail(kind, data) {
    var r = data.record || {};
    var frag = document.createDocumentFragment();
    if (kind === 'results') {
      frag.appendChild(h('h2', { id: 'detail-title', testid: 'detail-title', text: r.title || r.id }));
      frag.appendChild(h('div', { className: 'detail-badges' },
        r.industry ? h('span', { className: 'badge', text: r.industry }) : null,
        r.trl != null ? h('span', { className: 'badge badge-trl', text: 'TRL ' + r.trl }) : null,
        r.ipType ? h('span', { className: 'badge', text: r.ipType }) : null,
        h('span', { className: 'badge badge-id', text: r.id })));
      frag.appendChild(section('成果简介', h('p', { className: 'summary-text', testid: 'detail-summary', text: r.summary || '' })));
      var dl = h('dl', { className: 'meta meta-detail' });
      [metaItem('完成单位', data.institution ? data.institution.name : r.institution),
        metaItem('技术成熟度', r.trl != null ? 'TRL ' + r.trl : null), metaItem('知识产权', r.ipType),
        metaItem('登记日期', r.date)].forEach(function (x) { if (x) dl.appendChild(x); });
      frag.appendChild(section('基本信息', dl));
      if (r.keywords && r.keywords.length) frag.appendChild(section('关键词', tags(r.keywords)));
      if (r.transferModes && r.transferModes.length) frag.appendChild(section('交易方式', tags(r.transferModes, 'tag-mode')));
      var team = data.team || [];
      if (team.length) {
        var ul = h('ul', { className: 'team-list' });
        team.forEach(function (m) {
          var b = h('button', { type: 'button', className: 'link', text: m.name });
          b.addEventListener('click', function () { openDetail('experts', m.id); });
          ul.appendChild(h('li', null, b, m.title ? h('span', { className: 'muted', text: ' ' + m.title }) : null));
        });
        frag.appendChild(section('成果团队', ul));
      }
      frag.appendChild(relatedNeeds(r.id));
    } else if (kind === 'needs') {
      frag.appendChild(h('h2', { id: 'detail-title', testid: 'detail-title', text: r.title || r.id }));
      frag.appendChild(h('div', { className: 'detail-badges' },
        r.industry ? h('span', { className: 'badge', text: r.industry }) : null,
        r.region ? h('span', { className: 'badge', text: r.region }) : null,
        h('span', { className: 'badge badge-id', text: r.id })));
      frag.appendChild(section('需求描述', h('p', { className: 'summary-text', testid: 'detail-summary', text: r.description || '' })));
      var nd = h('dl', { className: 'meta meta-detail' });
      [metaItem('企业', r.enterprise), metaItem('区县/园区', r.region), metaItem('行业', r.industry),
        metaItem('要求 TRL', r.requiredTrl), metaItem('预算', r.budgetWan != null ? r.budgetWan + ' 万元' : null),
        metaItem('截止日期', r.deadline)].forEach(function (x) { if (x) nd.appendChild(x); });
      frag.appendChild(section('基本信息', nd));
      if (r.keywords && r.keywords.length) frag.appendChild(section('关键词', tags(r.keywords)));
      frag.appendChild(h('div', { className: 'detail-actions' }, h('button', {
        type: 'button', className: 'btn btn-primary', text: '用此需求匹配成果',
        onclick: function () {
          el.needInput.value = [r.title, r.description].filter(Boolean).join('。');
          updateCount();
          closeDetail();
          submitNeed();
          el.needInput.scrollIntoView({ block: 'start' });
        }
      })));
    } else {
      frag.appendChild(h('h2', { id: 'detail-title', testid: 'detail-title' }, r.name || r.id,
        r.title ? h('span', { className: 'detail-subtitle', text: r.title }) : null));
      frag.appendChild(h('div', { className: 'detail-badges' },
        data.institution ? h('span', { className: 'badge', text: data.institution.name }) : null,
        h('span', { className: 'badge badge-id', text: r.id })));
      if (r.areas && r.areas.length) frag.appendChild(section('研究方向', tags(r.areas, 'tag-area')));
      frag.appendChild(section('简介', h('p', { className: 'summary-text', testid: 'detail-summary', text: r.bio || '' })));
    }
    return frag;
  }

  /** A button that loads the needs this result could serve (GET /api/results/{id}/needs). */
  function relatedNeeds(id) {
    var box = h('section', { className: 'detail-section' }, h('h3', { text: '可对接的企业需求' }));
    var btn = h('button', { type: 'button', className: 'btn btn-outline btn-small', text: '查找可对接的企业需求' });
    btn.addEventListener('click', function () {
      var my = detailSeq;
      btn.disabled = true;
      btn.textContent = '正在查找…';
      api('GET', '/api/results/' + encodeURIComponent(id) + '/needs?k=5').then(function (data) {
        if (my !== detailSeq) return;
        var needs = data.needs || [];
        var ul = h('ul', { className: 'evidence' });
        if (!needs.length) ul.appendChild(h('li', { className: 'muted', text: '暂未找到相关企业需求' }));
        needs.forEach(function (n) {
          var rec = n.record || {};
          var b = h('button', { type: 'button', className: 'link', text: n.title });
          b.addEventListener('click', function () { openDetail('needs', n.id); });
          ul.appendChild(h('li', null, b, h('span', { className: 'muted', text: ' ' + [rec.enterprise, rec.region].filter(Boolean).join(' · ') + ' ' }),
            h('span', { className: 'evidence-percent', text: (n.matchPercent | 0) + '%' })));
        });
        box.replaceChild(ul, btn);
      }, function (err) {
        if (my !== detailSeq) return;
        btn.disabled = false;
        btn.textContent = '查找可对接的企业需求';
        box.appendChild(h('p', { className: 'status status-error inline', text: err.message }));
      });
    });
    box.appendChild(btn);
    return box;
  }

  function setupDetail() {
    el.detailClose.addEventListener('click', closeDetail);
    el.detailBackdrop.addEventListener('click', closeDetail);
    el.detailBack.addEventListener('click', function () {
      if (detailStack.length > 1) { detailStack.pop(); loadDetail(); el.detailClose.focus(); }
    });
    document.addEventListener('keydown', function (e) {
      if (el.detail.hidden) return;
      if (e.key === 'Escape' || e.key === 'Esc') { e.preventDefault(); closeDetail(); return; }
      if (e.key === 'Tab') { // keep focus inside the dialog
        var f = Array.prototype.filter.call(el.detail.querySelectorAll('button, a[href], input, select, textarea, [tabindex]'),
          function (n) { return !n.disabled && !n.hidden && n.offsetParent !== null; });
        if (!f.length) return;
        var first = f[0], last = f[f.length - 1];
        if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
        else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
        else if (!el.detail.contains(document.activeElement)) { e.preventDefault(); first.focus(); }
      }
    });
  }

  // ---------------------------------------------------------------- suggestions

  var sugg = { items: [], active: -1, timer: null, abort: null, seq: 0 };
  var SOURCE_LABEL = { keyword: '关键词', title: '标题', expert: '专家' };

  function closeSuggestions() {
    sugg.items = [];
    sugg.active = -1;
    el.suggestions.hidden = true;
    clear(el.suggestions);
    el.searchInput.setAttribute('aria-expanded', 'false');
    el.searchInput.removeAttribute('aria-activedescendant');
  }

  function showSuggestions(items) {
    clear(el.suggestions);
    sugg.items = items;
    sugg.active = -1;
    if (!items.length) { closeSuggestions(); return; }
    items.forEach(function (s, i) {
      var li = h('li', { id: 'suggestion-' + i, role: 'option', 'aria-selected': 'false', className: 'suggestion', testid: 'suggestion' },
        h('span', { className: 'suggestion-text', text: s.text }),
        h('span', { className: 'suggestion-source', text: (SOURCE_LABEL[s.source] || '') + (s.kind && s.source !== 'expert' && KIND_LABEL[s.kind] && s.source === 'title' ? ' · ' + KIND_LABEL[s.kind] : '') }));
      li.addEventListener('mousedown', function (e) { e.preventDefault(); }); // keep focus in the input
      li.addEventListener('click', function () { chooseSuggestion(i); });
      li.addEventListener('mousemove', function () { if (sugg.active !== i) setActive(i); });
      el.suggestions.appendChild(li);
    });
    el.suggestions.hidden = false;
    el.searchInput.setAttribute('aria-expanded', 'true');
  }

  function setActive(i) {
    var nodes = el.suggestions.children;
    if (sugg.active >= 0 && nodes[sugg.active]) {
      nodes[sugg.active].classList.remove('is-active');
      nodes[sugg.active].setAttribute('aria-selected', 'false');
    }
    sugg.active = i;
    if (i >= 0 && nodes[i]) {
      nodes[i].classList.add('is-active');
      nodes[i].setAttribute('aria-selected', 'true');
      el.searchInput.setAttribute('aria-activedescendant', nodes[i].id);
      if (nodes[i].scrollIntoView) nodes[i].scrollIntoView({ block: 'nearest' });
    } else {
      el.searchInput.removeAttribute('aria-activedescendant');
    }
  }

  function chooseSuggestion(i) {
    var s = sugg.items[i];
    closeSuggestions();
    if (!s) return;
    if (s.kind === 'experts' && s.id) { // an expert's name: show the expert
      el.searchInput.value = s.text;
      openDetail('experts', s.id, el.searchInput);
      return;
    }
    el.searchInput.value = s.text;
    if (s.kind === 'results' || s.kind === 'needs') {
      if (s.source === 'title' && el.searchKind.value !== s.kind) el.searchKind.value = s.kind;
    }
    startSearch(s.text);
  }

  function requestSuggestions() {
    var q = el.searchInput.value.trim();
    if (sugg.abort) sugg.abort.abort();
    if (!q || q.length > 50) { closeSuggestions(); return; }
    sugg.abort = typeof AbortController === 'function' ? new AbortController() : null;
    var my = ++sugg.seq;
    api('GET', '/api/suggest?' + query({ q: q }), undefined, sugg.abort ? sugg.abort.signal : undefined).then(function (data) {
      if (my !== sugg.seq || document.activeElement !== el.searchInput) return;
      showSuggestions(data.suggestions || []);
    }, function () { if (my === sugg.seq) closeSuggestions(); });
  }

  function startSearch(q) {
    clearTimeout(sugg.timer);
    sugg.seq++;
    if (sugg.abort) sugg.abort.abort();
    closeSuggestions();
    state.search = { q: q.trim(), kind: el.searchKind.value, page: 1 };
    runSearch();
  }

  function setupSearch() {
    el.searchInput.addEventListener('input', function () {
      clearTimeout(sugg.timer);
      sugg.timer = setTimeout(requestSuggestions, 200);
    });
    el.searchInput.addEventListener('keydown', function (e) {
      var open = !el.suggestions.hidden && sugg.items.length > 0;
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        if (!open) { requestSuggestions(); return; }
        setActive((sugg.active + 1) % sugg.items.length);
      } else if (e.key === 'ArrowUp') {
        if (!open) return;
        e.preventDefault();
        setActive(sugg.active <= 0 ? sugg.items.length - 1 : sugg.active - 1);
      } else if (e.key === 'Enter') {
        if (e.isComposing || e.keyCode === 229) return; // IME is choosing characters
        if (open && sugg.active >= 0) { e.preventDefault(); chooseSuggestion(sugg.active); }
      } else if (e.key === 'Escape' || e.key === 'Esc') {
        if (open) { e.preventDefault(); closeSuggestions(); }
      }
    });
    el.searchInput.addEventListener('blur', function () { setTimeout(closeSuggestions, 100); });
    el.searchForm.addEventListener('submit', function (e) {
      e.preventDefault();
      startSearch(el.searchInput.value);
    });
    el.searchKind.addEventListener('change', function () {
      updateFilterUi();
      if (state.mode === 'search') { state.search.kind = el.searchKind.value; state.search.page = 1; runSearch(); }
    });
    el.pagePrev.addEventListener('click', function () { if (state.search.page > 1) { state.search.page--; runSearch(); scrollToResults(); } });
    el.pageNext.addEventListener('click', function () { state.search.page++; runSearch(); scrollToResults(); });
  }

  function scrollToResults() {
    var top = el.columns.getBoundingClientRect().top;
    if (top < 0) el.columns.scrollIntoView({ block: 'start' });
  }

  // ---------------------------------------------------------------- need form

  function updateCount() { el.needCount.textContent = String(el.needInput.value.length); }

  function setupNeedForm() {
    el.jumpExperts.addEventListener('click', function () {
      el.expertsPanel.scrollIntoView({ block: 'start' });
      el.expertsPanel.focus({ preventScroll: true });
    });
    el.matchForm.addEventListener('submit', function (e) { e.preventDefault(); submitNeed(); });
    el.needInput.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); submitNeed(); }
    });
    el.needInput.addEventListener('input', updateCount);
    updateCount();
  }

  setupFilters();
  setupNeedForm();
  setupSearch();
  setupDetail();
})();
