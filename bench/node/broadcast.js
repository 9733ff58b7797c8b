// A bare `ws` broadcast server: the baseline the load generator
// (examples/load_generator.rs) measures beside Intercede, in the same run.
//
// It does the least a live server must: every socket gets a first frame on
// connecting; a `next` / `previous` from any socket sends one frame of the
// given size, carrying the new topic and the next `seq`, to every socket (the
// same bytes for all); a `tap` is answered with an `ack` at once (no disk).
// Frames look like Intercede's, so the generator reads both alike.
//
//   node broadcast.js PORT FRAME_BYTES
'use strict';

const { WebSocketServer } = require('ws');

const port = Number(process.argv[2] || 8091);
const frameBytes = Number(process.argv[3] || 1500);
let topic = 1;
let seq = 0;

function frame(type) {
  const head = `{"type":"${type}","seq":${seq},"live":{"phase":"topic","topic":{"id":${topic},"body_html":"`;
  const tail = '"}}}';
  const pad = Math.max(0, frameBytes - head.length - tail.length);
  return head + 'x'.repeat(pad) + tail;
}

const wss = new WebSocketServer({ host: '127.0.0.1', port, perMessageDeflate: false });
wss.on('connection', (ws) => {
  ws.send(frame('snapshot'));
  ws.on('message', (data) => {
    let msg;
    try { msg = JSON.parse(data); } catch (e) { return; }
    if (msg.type === 'next' || msg.type === 'previous') {
      topic += msg.type === 'next' ? 1 : -1;
      seq += 1;
      const bytes = Buffer.from(frame('state'));
      for (const client of wss.clients) client.send(bytes, { binary: false });
    } else if (msg.type === 'tap') {
      ws.send(`{"type":"ack","op":${JSON.stringify(msg.op)},"topic":${topic},"counted":true}`);
    }
  });
});
