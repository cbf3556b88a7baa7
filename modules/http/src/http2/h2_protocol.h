// The "http2" server protocol (open_http2_protocol => true): HTTP/1.1 and
// HTTP/2 on one port. At connection start it picks the version: ALPN "h2"
// on TLS, or the client preface (prior knowledge, h2c); anything else is
// HTTP/1 and every byte goes to the "http" protocol unchanged.
//
// For HTTP/2 the reactor only frames: after the preface it delivers runs of
// whole frames, as they are, to the worker owning the connection (whose
// session keeps HPACK, streams and windows). It answers by itself only what
// it must refuse before the worker could: a bad preface (GOAWAY
// PROTOCOL_ERROR), a first frame that is not SETTINGS (PROTOCOL_ERROR), a
// frame larger than the port's package_max_length (FRAME_SIZE_ERROR); then
// it closes that connection only.
//
// What the worker receives on such a port: an HTTP/1 request in its wire
// form (request_wire.h, starting with its magic), or HTTP/2 frames; the first
// delivery of an HTTP/2 connection starts with a SETTINGS frame header, whose
// type byte can never match the wire magic (is_http1_delivery).
#pragma once

#include <swoole/module.h>

#include <string_view>

namespace swoole::mod::http {

// The table registered as "http2"; http1 is the "http" protocol it hands
// HTTP/1 connections to.
const sw_server_protocol *http2_protocol(const sw_host_api *host, const sw_server_protocol *http1);

// Whether a delivery on an "http2" port is an HTTP/1 request (else frames).
bool is_http1_delivery(std::string_view data);

}  // namespace swoole::mod::http
