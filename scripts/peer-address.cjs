// Preloaded into the Next.js server (`node --require scripts/peer-address.cjs next start`, see
// scripts/next-process.ts): appends the TCP peer's address to X-Forwarded-For on every request,
// exactly as a reverse proxy hop does, before Next.js sees the request.
//
// Why: Next.js only fills X-Forwarded-For with the peer address when the request has none, so a
// client talking to the server directly could put any address there and dodge per-IP sign-in
// limits. With this hop always present, the right-most entry is the machine that opened the
// connection, and lib/http/client-ip.ts walks back exactly AUTH_TRUST_PROXY entries — the ones
// added by proxies you run — to find the client (the same rule as Express's `trust proxy` hop count).
"use strict";
const http = require("node:http");
const https = require("node:https");

function appendPeer(req) {
  const peer = req.socket && req.socket.remoteAddress;
  if (!peer) return;
  const existing = req.headers["x-forwarded-for"];
  const list = Array.isArray(existing) ? existing.join(", ") : existing;
  req.headers["x-forwarded-for"] = list && list.trim() ? `${list}, ${peer}` : peer;
}

for (const mod of [http, https]) {
  const createServer = mod.createServer;
  mod.createServer = function patchedCreateServer(...args) {
    const server = createServer.apply(this, args);
    server.prependListener("request", appendPeer);
    return server;
  };
}
