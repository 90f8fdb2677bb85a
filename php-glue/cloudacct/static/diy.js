/* 云会计 装修首页: the block editor and the phone preview. Plain JS, no libraries; every user
 * value goes into the page through textContent / value / attributes, never innerHTML. The
 * extension validates the layout on save (Settings::set); this script only edits it. */
(function () {
  'use strict';
  var layoutEl = document.getElementById('diy-layout');
  var list = document.getElementById('diy-blocks');
  var preview = document.getElementById('diy-preview');
  if (!layoutEl || !list) { return; }
  var options = JSON.parse(document.getElementById('diy-options').value || '{}');
  var upload = document.getElementById('diy-upload');
  var layout;
  try { layout = JSON.parse(layoutEl.value); } catch (e) { layout = null; }
  if (!layout || !Array.isArray(layout.blocks)) { layout = { blocks: [] }; }
  var blocks = layout.blocks;
  var MAX = 20;
  var NAMES = { slides: '轮播图', menu: '菜单', notice: '公告', services: '推荐服务', custom: '自定义' };

  function el(tag, attrs, kids) {
    var n = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { n.textContent = attrs[k]; }
      else if (k === 'class') { n.className = attrs[k]; }
      else if (k.slice(0, 2) === 'on') { n.addEventListener(k.slice(2), attrs[k]); }
      else { n.setAttribute(k, attrs[k]); }
    });
    (kids || []).forEach(function (c) { if (c) { n.appendChild(c); } });
    return n;
  }
  function mediaUrl(ref) {
    if (!ref) { return ''; }
    return /^https:\/\//i.test(ref) ? ref : (options.attachurl || '') + ref;
  }
  function sync() {
    layoutEl.value = JSON.stringify({ blocks: blocks });
    renderPreview();
  }
  function field(label, input, help) {
    return el('div', { class: 'form-group' }, [el('label', { text: label }), input, help ? el('p', { class: 'help-block', text: help }) : null]);
  }
  function textInput(obj, key, max, multiline) {
    var i = el(multiline ? 'textarea' : 'input', { class: 'form-control', maxlength: String(max), rows: '4' });
    i.value = obj[key] || '';
    i.addEventListener('input', function () { obj[key] = i.value; sync(); });
    return i;
  }
  // a link: a page, a service, an https URL, or none
  function linkInput(obj, key, optional) {
    var wrap = el('div', { class: 'input-group', style: 'width: 100%' });
    var sel = el('select', { class: 'form-control' });
    if (optional) { sel.appendChild(el('option', { value: '', text: '（不链接）' })); }
    (options.pages || []).forEach(function (p) { sel.appendChild(el('option', { value: p.link, text: '页面：' + p.label })); });
    (options.services || []).forEach(function (s) { sel.appendChild(el('option', { value: 'service:' + s.id, text: '服务：' + s.title })); });
    sel.appendChild(el('option', { value: '__url', text: '网址（https://）…' }));
    var url = el('input', { class: 'form-control', placeholder: 'https://', style: 'margin-top: 4px' });
    var cur = obj[key] || '';
    var known = Array.prototype.some.call(sel.options, function (o) { return o.value === cur; });
    sel.value = known ? cur : '__url';
    url.value = known ? '' : cur;
    url.style.display = known ? 'none' : '';
    sel.addEventListener('change', function () {
      url.style.display = sel.value === '__url' ? '' : 'none';
      obj[key] = sel.value === '__url' ? url.value : sel.value;
      sync();
    });
    url.addEventListener('input', function () { obj[key] = url.value; sync(); });
    if (!known && !optional && !cur) { sel.selectedIndex = 0; url.style.display = 'none'; obj[key] = sel.value; }
    wrap.appendChild(sel); wrap.appendChild(url);
    return wrap;
  }
  function imageInput(obj, key) {
    var thumb = el('img', { class: 'diy-thumb', alt: '' });
    var path = el('input', { class: 'form-control input-sm', placeholder: '附件路径或 https:// 图片地址', style: 'display: inline-block; width: 60%' });
    var file = el('input', { type: 'file', accept: 'image/*', style: 'display: inline-block; width: auto' });
    function show() { thumb.src = mediaUrl(obj[key]); thumb.style.visibility = obj[key] ? 'visible' : 'hidden'; }
    path.value = obj[key] || '';
    path.addEventListener('input', function () { obj[key] = path.value.trim(); show(); sync(); });
    file.addEventListener('change', function () {
      if (!file.files.length) { return; }
      var fd = new FormData();
      fd.append('image', file.files[0]);
      fd.append('token', upload.getAttribute('data-token'));
      fd.append('submit', '1');
      fetch(upload.getAttribute('data-action'), { method: 'POST', body: fd, credentials: 'same-origin' })
        .then(function (r) { return r.json(); })
        .then(function (r) {
          if (r.error) { alert(r.error); return; }
          obj[key] = r.path; path.value = r.path; show(); sync();
        })
        .catch(function () { alert('图片上传失败，请刷新页面后重试'); });
    });
    show();
    return el('div', {}, [thumb, path, file]);
  }
  function itemsEditor(b, max, makeItem, editItem, addLabel) {
    var box = el('div');
    b.items = b.items || [];
    b.items.forEach(function (it, i) {
      box.appendChild(el('div', { class: 'diy-item' }, [
        editItem(it),
        el('div', { class: 'text-right' }, [
          el('button', { type: 'button', class: 'btn btn-xs btn-default', text: '↑', onclick: function () { if (i > 0) { b.items.splice(i - 1, 0, b.items.splice(i, 1)[0]); draw(); } } }),
          el('button', { type: 'button', class: 'btn btn-xs btn-default', text: '↓', onclick: function () { if (i < b.items.length - 1) { b.items.splice(i + 1, 0, b.items.splice(i, 1)[0]); draw(); } } }),
          el('button', { type: 'button', class: 'btn btn-xs btn-link text-danger', text: '删除此项', onclick: function () { b.items.splice(i, 1); draw(); } }),
        ]),
      ]));
    });
    if (b.items.length < max) {
      box.appendChild(el('button', { type: 'button', class: 'btn btn-sm btn-default', text: addLabel, onclick: function () { b.items.push(makeItem()); draw(); } }));
    }
    return box;
  }
  function editor(b) {
    switch (b.type) {
      case 'slides':
        return itemsEditor(b, 10, function () { return { image: '', link: '' }; }, function (it) {
          return el('div', {}, [field('图片', imageInput(it, 'image'), '建议 750×300，jpg/png/gif/webp'), field('链接', linkInput(it, 'link', true))]);
        }, '+ 添加一张');
      case 'menu':
        return el('div', {}, [field('标题（可空）', textInput(b, 'title', 32)), itemsEditor(b, 20, function () { return { label: '', link: (options.pages[0] || {}).link || 'services' }; }, function (it) {
          return el('div', {}, [field('名称（1-8 字）', textInput(it, 'label', 8)), field('链接', linkInput(it, 'link', false)), field('图标（可空）', imageInput(it, 'icon'))]);
        }, '+ 添加菜单项')]);
      case 'notice':
        return field('公告内容（1-200 字）', textInput(b, 'text', 200));
      case 'services':
        var picks = el('div');
        b.ids = b.ids || [];
        (options.services || []).forEach(function (s) {
          var cb = el('input', { type: 'checkbox' });
          cb.checked = b.ids.indexOf(s.id) >= 0;
          cb.addEventListener('change', function () {
            b.ids = b.ids.filter(function (x) { return x !== s.id; });
            if (cb.checked) { b.ids.push(s.id); }
            sync();
          });
          picks.appendChild(el('div', { class: 'checkbox' }, [el('label', {}, [cb, document.createTextNode(' ' + s.title + '（¥' + s.price + '）')])]));
        });
        if (!(options.services || []).length) { picks.appendChild(el('p', { class: 'text-muted', text: '暂无上架的服务' })); }
        var limit = el('input', { type: 'number', min: '1', max: '20', class: 'form-control', style: 'width: 100px' });
        limit.value = b.limit || 4;
        limit.addEventListener('input', function () { b.limit = parseInt(limit.value, 10) || 1; sync(); });
        return el('div', {}, [field('标题（可空）', textInput(b, 'title', 32)),
          field('选择服务', picks, '不选则显示前几个上架的服务；下架的服务客户看不到'), field('最多显示', limit)]);
      case 'custom':
        return el('div', {}, [field('标题（可空）', textInput(b, 'title', 32)), field('内容（纯文字，1-2000 字）', textInput(b, 'text', 2000, true))]);
    }
    return el('p', { text: '未知模块' });
  }
  var dragFrom = -1;
  function draw() {
    list.textContent = '';
    blocks.forEach(function (b, i) {
      var hide = el('input', { type: 'checkbox' });
      hide.checked = !!b.hidden;
      hide.addEventListener('change', function () { if (hide.checked) { b.hidden = true; } else { delete b.hidden; } sync(); });
      var panel = el('div', { class: 'panel panel-default diy-block', 'data-type': b.type, 'data-index': String(i) }, [
        el('div', { class: 'panel-heading', draggable: 'true' }, [
          el('strong', { text: '☰ ' + (i + 1) + '. ' + (NAMES[b.type] || b.type) }),
          el('span', { class: 'pull-right' }, [
            el('label', { style: 'font-weight: normal; margin-right: 8px' }, [hide, document.createTextNode(' 隐藏')]),
            el('button', { type: 'button', class: 'btn btn-xs btn-default', text: '↑', title: '上移', onclick: function () { move(i, i - 1); } }),
            el('button', { type: 'button', class: 'btn btn-xs btn-default', text: '↓', title: '下移', onclick: function () { move(i, i + 1); } }),
            el('button', { type: 'button', class: 'btn btn-xs btn-danger', text: '删除', onclick: function () { if (confirm('删除这个模块？')) { blocks.splice(i, 1); draw(); } } }),
          ]),
        ]),
        el('div', { class: 'panel-body' }, [editor(b)]),
      ]);
      var head = panel.firstChild;
      head.addEventListener('dragstart', function (e) { dragFrom = i; panel.classList.add('diy-dragging'); e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', String(i)); });
      head.addEventListener('dragend', function () { panel.classList.remove('diy-dragging'); });
      panel.addEventListener('dragover', function (e) { if (dragFrom >= 0) { e.preventDefault(); panel.classList.add('diy-over'); } });
      panel.addEventListener('dragleave', function () { panel.classList.remove('diy-over'); });
      panel.addEventListener('drop', function (e) { e.preventDefault(); var from = dragFrom; dragFrom = -1; move(from, i); });
      list.appendChild(panel);
    });
    if (!blocks.length) { list.appendChild(el('div', { class: 'well text-muted text-center', text: '还没有模块，用上面的按钮添加。' })); }
    Array.prototype.forEach.call(document.querySelectorAll('#diy-add button'), function (btn) { btn.disabled = blocks.length >= MAX; });
    sync();
  }
  function move(from, to) {
    if (from < 0 || to < 0 || from >= blocks.length || to >= blocks.length || from === to) { return; }
    blocks.splice(to, 0, blocks.splice(from, 1)[0]);
    draw();
  }
  function add(type) {
    if (blocks.length >= MAX) { alert('最多 20 个模块'); return; }
    var b = { type: type };
    if (type === 'slides') { b.items = []; }
    if (type === 'menu') { b.title = ''; b.items = [{ label: '服务项目', link: 'services' }]; }
    if (type === 'notice') { b.text = '公告内容'; }
    if (type === 'services') { b.title = '推荐服务'; b.ids = []; b.limit = 4; }
    if (type === 'custom') { b.title = ''; b.text = '自定义内容'; }
    blocks.push(b);
    draw();
  }
  Array.prototype.forEach.call(document.querySelectorAll('#diy-add button'), function (btn) {
    btn.addEventListener('click', function () { add(btn.getAttribute('data-add')); });
  });

  function renderPreview() {
    if (!preview) { return; }
    preview.textContent = '';
    preview.appendChild(el('div', { class: 'p-head', text: '（客户的企业名称）' }));
    var byId = {};
    (options.services || []).forEach(function (s) { byId[s.id] = s; });
    blocks.forEach(function (b) {
      if (b.hidden) { return; }
      if (b.type === 'slides' && (b.items || []).length) {
        preview.appendChild(el('div', { class: 'p-slides' }, b.items.map(function (it) { return el('img', { src: mediaUrl(it.image), alt: '' }); })));
      } else if (b.type === 'menu') {
        if (b.title) { preview.appendChild(el('div', { class: 'p-title', text: b.title })); }
        preview.appendChild(el('div', { class: 'p-grid' }, (b.items || []).map(function (it) {
          return el('div', {}, [it.icon ? el('img', { src: mediaUrl(it.icon), alt: '' }) : null, el('span', { text: it.label || '' })]);
        })));
      } else if (b.type === 'notice') {
        preview.appendChild(el('div', { class: 'p-notice', text: '【公告】' + (b.text || '') }));
      } else if (b.type === 'services') {
        var picked = (b.ids || []).length ? b.ids.map(function (id) { return byId[id]; }).filter(Boolean) : (options.services || []);
        preview.appendChild(el('div', { class: 'p-card' }, [el('h4', { text: b.title || '推荐服务' })].concat(
          picked.slice(0, b.limit || 4).map(function (s) {
            return el('div', { style: 'padding: 6px 0; border-top: 1px solid #f0f0f0' }, [el('div', { text: s.title }), el('div', { class: 'p-price', text: '¥' + s.price })]);
          }))));
      } else if (b.type === 'custom') {
        preview.appendChild(el('div', { class: 'p-card' }, [b.title ? el('h4', { text: b.title }) : null, el('div', { class: 'p-text', text: b.text || '' })]));
      }
    });
    preview.appendChild(el('div', { class: 'p-card p-muted', text: '专属会计卡片（按客户显示）' }));
  }
  draw();
})();
