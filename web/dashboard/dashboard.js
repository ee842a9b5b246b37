// The Real-Time Engagement dashboard: reads /api/* every few seconds and
// redraws six charts without reloading the page. No external resources.
(function () {
  'use strict';

  var params = new URLSearchParams(window.location.search);
  var REFRESH_MS = Math.max(1000, 1000 * (Number(params.get('refresh')) || 5));
  var PLATFORM_NAMES = {};
  var CAMPAIGNS = [];
  var number = new Intl.NumberFormat();
  var state = { updates: 0, loadedAt: Date.now(), data: {}, errors: 0 };
  window.smeltDashboard = state;

  var charts = {};
  ['engagement', 'likes', 'sentiment', 'trending', 'campaigns', 'voice'].forEach(function (name) {
    charts[name] = echarts.init(document.getElementById('chart-' + name), null, { renderer: 'canvas' });
  });
  state.charts = charts;
  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (name) { charts[name].resize(); });
  });

  function el(id) { return document.getElementById(id); }
  function selected(id) { var v = el(id).value; return v === 'all' ? null : v; }
  function minutes() { return Number(el('range').value); }
  function days() { return Math.max(1, Math.ceil(minutes() / 1440)); }
  function platformName(p) { return PLATFORM_NAMES[p] || p; }
  function timeLabel(iso) {
    var d = new Date(iso);
    return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }
  function hourLabel(iso) {
    return new Date(iso).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  }
  function dayLabel(day) { return new Date(day + 'T00:00:00Z').toLocaleDateString([], { month: 'short', day: 'numeric', timeZone: 'UTC' }); }
  function ago(seconds) {
    if (seconds === null || seconds === undefined) return 'never';
    if (seconds < 90) return Math.round(seconds) + ' s';
    if (seconds < 5400) return Math.round(seconds / 60) + ' min';
    return Math.round(seconds / 3600) + ' h';
  }

  function api(endpoint, query) {
    var q = new URLSearchParams();
    Object.keys(query || {}).forEach(function (k) { if (query[k] !== null && query[k] !== undefined) q.set(k, query[k]); });
    return fetch('/api/' + endpoint + (q.toString() ? '?' + q : ''), { cache: 'no-store' }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error(body.error || r.statusText);
        return body;
      });
    });
  }

  function mark(name, points) {
    var node = el('chart-' + name);
    node.setAttribute('data-points', String(points));
    charts[name].showLoading && charts[name].hideLoading();
    if (points === 0) {
      charts[name].clear();
      charts[name].setOption({ title: { text: 'No data in this range yet', left: 'center', top: 'middle',
        textStyle: { color: '#5c6475', fontSize: 13, fontWeight: 'normal' } } });
    }
  }

  function drawEngagement(body) {
    // ranges over a day come in hours (body.grain), a minute-wide chart of 30 days being unreadable
    var hourly = body.grain === 'hour';
    var minutesSeen = [];
    var byPlatform = {};
    body.rows.forEach(function (r) {
      if (minutesSeen.indexOf(r.minute) < 0) minutesSeen.push(r.minute);
      (byPlatform[r.platform] = byPlatform[r.platform] || {})[r.minute] = r;
    });
    minutesSeen.sort();
    var series = Object.keys(byPlatform).sort().map(function (p) {
      return {
        name: platformName(p), type: 'bar', stack: 'engagement', emphasis: { focus: 'series' },
        data: minutesSeen.map(function (m) { var r = byPlatform[p][m]; return r ? r.engagement_gained : 0; }),
        rates: minutesSeen.map(function (m) { var r = byPlatform[p][m]; return r ? r.engagement_rate : null; })
      };
    });
    charts.engagement.setOption({
      title: { show: false },
      tooltip: { trigger: 'axis', formatter: function (items) {
        var lines = [items.length ? items[0].axisValueLabel : ''];
        items.forEach(function (it) {
          var rate = series[it.seriesIndex].rates[it.dataIndex];
          lines.push(it.marker + it.seriesName + ': ' + number.format(it.value) + ' interactions' +
                     (rate !== null ? ' · rate ' + Number(rate).toFixed(2) + ' %' : ''));
        });
        return lines.join('<br>');
      } },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 60, right: 16, top: 30, bottom: 56 },
      xAxis: { type: 'category', data: minutesSeen.map(hourly ? hourLabel : timeLabel) },
      yAxis: { type: 'value', name: hourly ? 'interactions / hour' : 'interactions / min' },
      series: series
    }, { replaceMerge: ['series'] });
    state.data.engagementMinutes = minutesSeen;
    state.data.engagementGrain = body.grain;
    el('chart-engagement').setAttribute('data-last-minute', minutesSeen.length ? minutesSeen[minutesSeen.length - 1] : '');
    mark('engagement', body.rows.length);
  }

  function drawLikes(body) {
    var tiles = el('likes-tiles');
    tiles.textContent = '';
    body.rows.forEach(function (r) {
      var tile = document.createElement('div');
      tile.className = 'tile';
      tile.setAttribute('data-platform', r.platform);
      tile.setAttribute('data-likes', String(r.likes_gained));
      var value = document.createElement('div');
      value.className = 'value';
      value.textContent = number.format(r.likes_gained);
      var label = document.createElement('div');
      label.className = 'label';
      label.textContent = platformName(r.platform) + ' likes';
      tile.appendChild(value);
      tile.appendChild(label);
      tiles.appendChild(tile);
    });
    tiles.setAttribute('data-window-start', body.window_start || '');
    tiles.setAttribute('data-window-end', body.window_end || '');
    el('likes-window').textContent = body.window_end
      ? 'Likes gained ' + timeLabel(body.window_start) + '–' + timeLabel(body.window_end) + ' (five complete minutes), by platform. Filter: platform.'
      : 'Five complete minutes, by platform. Filter: platform.';
    charts.likes.setOption({
      title: { show: false },
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 16, top: 10, bottom: 28 },
      xAxis: { type: 'category', data: body.rows.map(function (r) { return platformName(r.platform); }) },
      yAxis: { type: 'value', name: 'likes' },
      series: [{ name: 'likes', type: 'bar', data: body.rows.map(function (r) { return r.likes_gained; }), itemStyle: { color: '#e0517b' } }]
    }, { replaceMerge: ['series'] });
    var total = body.rows.reduce(function (s, r) { return s + r.likes_gained; }, 0);
    mark('likes', total > 0 ? body.rows.length : 0);
  }

  function drawSentiment(body) {
    var hours = [];
    var byTag = {};
    body.rows.forEach(function (r) {
      if (hours.indexOf(r.hour) < 0) hours.push(r.hour);
      (byTag[r.display_hashtag] = byTag[r.display_hashtag] || {})[r.hour] = r;
    });
    hours.sort();
    charts.sentiment.setOption({
      title: { show: false },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null ? 'no posts' : Number(v).toFixed(3); } },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 50, right: 16, top: 30, bottom: 56 },
      xAxis: { type: 'category', data: hours.map(function (h) { return new Date(h).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }); }) },
      yAxis: { type: 'value', min: -1, max: 1, name: 'avg sentiment' },
      series: Object.keys(byTag).sort().map(function (tag) {
        return { name: '#' + tag, type: 'line', connectNulls: true, symbolSize: 7,
                 data: hours.map(function (h) { var r = byTag[tag][h]; return r && r.avg_sentiment !== null ? Number(r.avg_sentiment) : null; }) };
      })
    }, { replaceMerge: ['series'] });
    mark('sentiment', body.rows.length);
  }

  function drawTrending(body) {
    var rows = body.rows.slice().reverse();
    charts.trending.setOption({
      title: { show: false },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (items) {
        var r = rows[items[0].dataIndex];
        return '#' + r.display_hashtag + '<br>' + number.format(r.posts_7d) + ' posts in 7 days' +
               (r.growth_pct !== null ? '<br>' + (r.growth_pct >= 0 ? '+' : '') + r.growth_pct + ' % vs previous 7 days' : '<br>new this week');
      } },
      grid: { left: 120, right: 24, top: 10, bottom: 28 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map(function (r) { return '#' + (r.display_hashtag || r.hashtag); }) },
      series: [{ name: 'posts, 7 days', type: 'bar', data: rows.map(function (r) { return r.posts_7d; }), itemStyle: { color: '#2f6fde' } }]
    }, { replaceMerge: ['series'] });
    mark('trending', body.rows.length);
  }

  function drawCampaigns(body) {
    var dayList = [];
    var byCampaign = {};
    body.rows.forEach(function (r) {
      if (dayList.indexOf(r.day) < 0) dayList.push(r.day);
      (byCampaign[r.campaign] = byCampaign[r.campaign] || {})[r.day] = r;
    });
    dayList.sort();
    charts.campaigns.setOption({
      title: { show: false },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return number.format(v) + ' interactions'; } },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 60, right: 16, top: 30, bottom: 56 },
      xAxis: { type: 'category', data: dayList.map(function (d) {
        var partial = body.rows.some(function (r) { return r.day === d && r.partial; });
        return dayLabel(d) + (partial ? ' (so far)' : '');
      }) },
      yAxis: { type: 'value', name: 'engagement' },
      series: Object.keys(byCampaign).sort().map(function (c) {
        return { name: c, type: 'bar', data: dayList.map(function (d) { var r = byCampaign[c][d]; return r ? r.engagement_gained : 0; }) };
      })
    }, { replaceMerge: ['series'] });
    mark('campaigns', body.rows.length);
  }

  function drawVoice(body) {
    var campaign = CAMPAIGNS.filter(function (c) { return String(c.campaign_id) === selected('campaign'); })[0];
    charts.voice.setOption({
      title: { show: false },
      tooltip: { trigger: 'item', formatter: function (it) {
        var r = body.rows[it.dataIndex];
        return r.brand + '<br>' + r.share_of_voice + ' % of brand posts (' + number.format(r.posts) + ')<br>' +
               (r.engagement_share !== null ? r.engagement_share + ' % of engagement' : '');
      } },
      legend: { bottom: 0, type: 'scroll' },
      series: [{ name: 'share of voice', type: 'pie', radius: ['38%', '68%'], center: ['50%', '45%'],
                 label: { formatter: '{b}\n{d} %' },
                 data: body.rows.map(function (r) {
                   return { name: r.brand, value: r.posts, selected: !!campaign && campaign.brand === r.brand };
                 }) }]
    }, { replaceMerge: ['series'] });
    mark('voice', body.rows.length);
  }

  function drawFreshness(body) {
    var strip = el('freshness');
    var stale = body.lag_s === null || body.lag_s > 120;
    strip.className = stale ? 'stale' : '';
    el('freshness-summary').textContent = body.lag_s === null
      ? 'No data published yet'
      : 'Minute data complete up to ' + ago(body.lag_s) + ' ago · last refresh ' + ago(body.refreshed_s_ago) + ' ago';
    strip.setAttribute('data-lag-s', body.lag_s === null ? '' : String(body.lag_s));
    var list = el('freshness-marts');
    list.textContent = '';
    body.marts.forEach(function (m) {
      var item = document.createElement('li');
      var through = '—';
      if (m.complete_through) {
        through = m.grain === 'day'
          ? 'days before ' + new Date(m.complete_through).toLocaleDateString([], { month: 'short', day: 'numeric', timeZone: 'UTC' })
          : new Date(m.complete_through).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
      }
      item.textContent = m.mart.replace(/^mart_/, '').replace(/_/g, ' ') + ': ' + through;
      item.title = 'complete through ' + (m.complete_through || 'nothing yet') + ' (' + m.grain + ' grain)';
      list.appendChild(item);
    });
  }

  function campaignHashtags() {
    var id = selected('campaign');
    var c = CAMPAIGNS.filter(function (x) { return String(x.campaign_id) === id; })[0];
    return c ? c.hashtags.map(function (h) { return h.toLowerCase().replace(/^#/, ''); }).join(',') : null;
  }

  function update() {
    var platform = selected('platform');
    var calls = [
      api('freshness').then(drawFreshness),
      api('engagement_minute', { platform: platform, minutes: minutes() }).then(function (b) { state.data.engagement = b; drawEngagement(b); }),
      api('likes_last_5_minutes', { platform: platform }).then(function (b) { state.data.likes = b; drawLikes(b); }),
      api('hashtag_sentiment', { hashtags: campaignHashtags(), minutes: Math.max(60, minutes()) }).then(function (b) { state.data.sentiment = b; drawSentiment(b); }),
      api('trending_hashtags', { limit: 10 }).then(function (b) { state.data.trending = b; drawTrending(b); }),
      api('campaign_daily', { campaign: selected('campaign'), days: days() }).then(function (b) { state.data.campaigns = b; drawCampaigns(b); }),
      api('share_of_voice', { days: days() }).then(function (b) { state.data.voice = b; drawVoice(b); })
    ];
    return Promise.all(calls).then(function () {
      state.updates += 1;
      state.lastError = null;
      document.body.setAttribute('data-updates', String(state.updates));
    }, function (error) {
      state.errors += 1;
      state.lastError = String(error.message || error);
      el('freshness').className = 'stale';
      el('freshness-summary').textContent = 'Cannot update: ' + state.lastError;
    });
  }

  var timer = null;
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(function () { update().then(schedule); }, REFRESH_MS);
  }

  api('filters').then(function (body) {
    body.platforms.forEach(function (p) {
      PLATFORM_NAMES[p.platform] = p.name;
      var option = document.createElement('option');
      option.value = p.platform;
      option.textContent = p.name;
      el('platform').appendChild(option);
    });
    CAMPAIGNS = body.campaigns;
    body.campaigns.forEach(function (c) {
      var option = document.createElement('option');
      option.value = String(c.campaign_id);
      option.textContent = c.campaign + ' (' + c.brand + ')';
      el('campaign').appendChild(option);
    });
  }).catch(function () { /* the filters stay at "all"; update() reports the error */ })
    .then(update).then(schedule);

  el('filters').addEventListener('change', function () { update().then(schedule); });
})();
