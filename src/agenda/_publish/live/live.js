/* The live page: reads timetable.json and log.json from its own folder every few
   seconds and shows the current item with its time left, the next item, how far the
   meeting runs behind or ahead, and the rest of the day, on the meeting's wall clock.
   ?view=presenter shows one big countdown, ?room=NAME one room of a multi-room day, and
   ?at=2024-03-13T14:20:00 freezes the clock at that moment (in the meeting's zone). */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("live-config").textContent);
  var W = config.words;
  var params = new URLSearchParams(window.location.search);
  var room = params.get("room");
  var atText = params.get("at");
  var body = document.body;
  var timetable = null;
  var events = [];
  var frozen = null;
  var loads = 0;

  if (params.get("view") === "presenter") {
    body.classList.add("presenter");
  }

  function $(id) {
    return document.getElementById(id);
  }

  function put(id, text, className) {
    var node = $(id);
    node.textContent = text;
    if (className !== undefined) {
      node.className = className;
    }
    if (id === "left") {  /* the presenter's digits shrink to fit a long count */
      $("countdown").style.setProperty("--chars", String(Math.max(text.length, 4)));
    }
  }

  ["now", "next", "meeting", "rest"].forEach(function (name) {
    put(name + "-label", W[name]);
  });

  /* -- the meeting's wall clock ------------------------------------------------------ */
  var formatter = null;

  function parts(ms) {
    var out = {};
    formatter.formatToParts(new Date(ms)).forEach(function (part) {
      out[part.type] = part.value;
    });
    return out;
  }

  function offsetAt(ms) {
    var p = parts(ms);
    var asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
    return asUtc - Math.floor(ms / 1000) * 1000;
  }

  function instantOf(text) {
    /* A naive date-time is a wall-clock time in the meeting's zone; one with an offset
       or Z is an instant as it is. */
    var m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
    if (!m) {
      var parsed = Date.parse(text);
      return isNaN(parsed) ? null : parsed;
    }
    var guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0));
    var first = guess - offsetAt(guess);
    return guess - offsetAt(first);
  }

  function clockText(ms) {
    var p = parts(ms);
    return String(+p.hour % 24).padStart(2, "0") + ":" + p.minute + ":" + p.second;
  }

  function hhmm(iso) {
    return iso.slice(11, 16);
  }

  function now() {
    return frozen !== null ? frozen : Date.now();
  }

  function mmss(seconds) {
    return Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
  }

  function signed(ms) {  /* whole minutes behind or ahead, toward zero */
    var minutes = Math.floor(Math.abs(ms) / 60000);
    if (minutes === 0) {
      return W.on_time;
    }
    return W.signed.replace("{sign}", ms > 0 ? "+" : "-").replace("{minutes}", minutes);
  }

  /* -- what the log tells apart ------------------------------------------------------ */
  function prepare(data) {
    var stack = [];
    data.slots.forEach(function (slot, i) {
      slot.index = i;
      slot.key = JSON.stringify(slot.path);
      slot.plannedStart = Date.parse(slot.start);
      slot.plannedEnd = Date.parse(slot.end);
      while (stack.length && data.slots[stack[stack.length - 1]].depth >= slot.depth) {
        stack.pop();
      }
      slot.ancestors = stack.slice();
      if (slot.block) {
        stack.push(i);
      }
    });
    data.slots.forEach(function (slot, i) {
      var stop = i + 1;
      while (stop < data.slots.length && data.slots[stop].depth > slot.depth) {
        stop += 1;
      }
      slot.stop = stop;
    });
    return data;
  }

  function inView(slot) {
    return !room || slot.room === null || slot.room === undefined || slot.room === room;
  }

  function unitsAt(t) {
    var own = {};
    events.forEach(function (event) {
      var at = Date.parse(event.at);
      if (at > t) {
        return;
      }
      var key = JSON.stringify(event.path);
      var times = own[key] || (own[key] = { start: null, end: null });
      if (event.event === "start" && times.start === null) {
        times.start = at;
      } else if (event.event === "end" && times.end === null) {
        times.end = at;
      }
    });
    var slots = timetable.slots;
    var inside = {};
    slots.forEach(function (slot) {
      if (own[slot.key]) {
        slot.ancestors.forEach(function (a) { inside[a] = true; });
      }
    });
    var units = [];
    var i = 0;
    while (i < slots.length) {
      var slot = slots[i];
      var whole = slot.block && own[slot.key] && !inside[i];
      if (slot.block && !whole) {
        i += 1;
        continue;
      }
      var times = own[slot.key] || { start: null, end: null };
      if (inView(slot)) {
        units.push({ slot: slot, start: times.start, end: times.end });
      }
      i = slot.stop;
    }
    return units;
  }

  function state(t) {
    var units = unitsAt(t);
    var frontier = -1;
    units.forEach(function (u, k) {
      if (u.start !== null || u.end !== null) {
        frontier = k;
      }
    });
    var f = frontier >= 0 ? units[frontier] : null;
    var s = { current: null, end: null, byLog: false, next: null, over: null, units: units };
    if (f && f.start !== null && f.end === null) {
      s.current = f;
      s.byLog = true;
      s.end = f.start + f.slot.minutes * 60000;
    } else {
      for (var k = frontier + 1; k < units.length; k++) {
        var u = units[k];
        if (u.slot.plannedStart <= t && t < u.slot.plannedEnd) {
          s.current = u;
          s.end = u.slot.plannedEnd;
          break;
        }
      }
    }
    var from = s.current ? units.indexOf(s.current) : frontier;
    var due = s.byLog || (!s.current && f !== null);
    for (var j = from + 1; j < units.length; j++) {
      if (due || units[j].slot.plannedStart > t) {
        s.next = units[j];
        break;
      }
    }
    /* How far the day shown runs behind (or ahead of) the timetable: when the item
       after the last one logged can start (the running item's end as planned from its
       actual start, or now when it runs over; else the last actual end) against its
       planned start, or against the day's planned end after its last item. A log that
       has not reached the day shown says nothing about it. */
    var shown = s.current ? s.current.slot : s.next ? s.next.slot : f ? f.slot : null;
    s.plannedEnd = units.reduce(function (end, u) {
      return shown && dayOf(u.slot) === dayOf(shown) ? Math.max(end, u.slot.plannedEnd) : end;
    }, 0);
    if (f && dayOf(f.slot) === dayOf(shown)) {
      var ready = s.byLog ? Math.max(s.end, t) : (f.end !== null ? f.end : f.start);
      var after = units[frontier + 1];
      s.over = ready - (after && dayOf(after.slot) === dayOf(shown) ? after.slot.plannedStart
        : s.plannedEnd);
    }
    var first = units.length ? units[0].slot.plannedStart : t;
    s.name = s.current ? "running" : s.next ? (t < first && !f ? "before" : "gap") : "after";
    return s;
  }

  /* -- the page ---------------------------------------------------------------------- */
  function label(slot) {
    return slot.no + " " + slot.title;
  }

  function dayOf(slot) {
    return slot.date;
  }

  function rest(s) {
    var list = $("rest-list");
    var anchor = s.current ? s.current.slot : s.next ? s.next.slot : null;
    var rows = [];
    if (anchor) {
      var boundary = s.current ? anchor.stop : anchor.index;
      timetable.slots.forEach(function (slot) {
        if (slot.index >= boundary && inView(slot) && dayOf(slot) === dayOf(anchor)) {
          rows.push(slot);
        }
      });
    }
    var key = rows.map(function (slot) { return slot.key + slot.start + slot.title; }).join("|");
    if (list.getAttribute("data-key") === key) {
      return;
    }
    list.setAttribute("data-key", key);
    list.textContent = "";
    rows.forEach(function (slot) {
      var item = document.createElement("li");
      item.className = slot.block ? "block" : "item";
      item.style.paddingLeft = (slot.depth * 1.2) + "em";
      var time = document.createElement("span");
      time.className = "time";
      time.textContent = hhmm(slot.start) + W.range + hhmm(slot.end);
      var title = document.createElement("span");
      title.className = "title";
      title.textContent = label(slot);
      item.appendChild(time);
      item.appendChild(title);
      list.appendChild(item);
    });
    if (!rows.length) {
      var none = document.createElement("li");
      none.textContent = W.nothing_left;
      list.appendChild(none);
    }
  }

  function render() {
    if (!timetable) {
      return;
    }
    var t = now();
    var s = state(t);
    body.setAttribute("data-state", s.name);
    body.setAttribute("data-now", new Date(t).toISOString());
    put("clock", clockText(t));
    if (s.current) {
      put("now-title", label(s.current.slot));
      var left = Math.ceil((s.end - t) / 1000);
      if (left > 0) {
        put("left", mmss(left), left <= 120 ? "warn" : "");
        put("left-label", W.left);
      } else {
        put("left", "+" + mmss(-left), "over");
        put("left-label", W.over_time);
      }
    } else if (s.next) {
      put("now-title", s.name === "before" ? W.before : W.between);
      var until = Math.ceil((s.next.slot.plannedStart - t) / 1000);
      if (until > 0) {
        put("left", mmss(until), "");
        put("left-label", W.starts_in);
      } else {
        put("left", "+" + mmss(-until), "over");
        put("left-label", W.due);
      }
    } else {
      put("now-title", W.ended);
      put("left", "", "");
      put("left-label", "");
    }
    if (s.next) {
      put("next-time", hhmm(s.next.slot.start));
      put("next-title", label(s.next.slot));
    } else {
      put("next-time", "");
      put("next-title", W.nothing_left);
    }
    if (s.over === null) {
      put("over", W.as_planned, "");
      put("expected", "");
    } else {
      var tone = Math.abs(s.over) < 60000 ? "" : s.over > 0 ? "late" : "early";
      put("over", signed(s.over), tone);
      var expected = clockText(s.plannedEnd + s.over).slice(0, -3);
      put("expected", !tone ? "" : (s.name === "after" ? W.ended_at : W.expected)
        .replace("{end}", expected));
    }
    rest(s);
  }

  function fetchJson(name) {
    return fetch(name + "?t=" + Date.now(), { cache: "no-store" }).then(function (answer) {
      if (!answer.ok) {
        throw new Error(name + ": HTTP " + answer.status);
      }
      return answer.json();
    });
  }

  function load() {
    Promise.all([fetchJson("timetable.json"), fetchJson("log.json")]).then(function (found) {
      timetable = prepare(found[0]);
      events = found[1].events;
      if (formatter === null) {
        formatter = new Intl.DateTimeFormat("en-GB", {
          timeZone: timetable.meeting.timezone, hourCycle: "h23", year: "numeric",
          month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
          second: "2-digit"
        });
        put("zone", timetable.meeting.timezone);
        if (room) {
          put("where", "· " + room);
        }
        if (atText !== null) {
          frozen = instantOf(atText);
        }
      }
      put("status", atText !== null && frozen === null ? W.bad_at : "");
      loads += 1;
      body.setAttribute("data-loads", String(loads));
      render();
    }).catch(function () {
      put("status", window.location.protocol === "file:" ? W.served : W.offline);
      if (!timetable) {
        body.setAttribute("data-state", "error");
      }
    }).then(function () {
      window.setTimeout(load, config.refresh * 1000);
    });
  }

  load();
  window.setInterval(render, 250);
}());
