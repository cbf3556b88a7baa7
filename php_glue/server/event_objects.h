// The event objects of `event_object => true` (spec server.md §7): small
// final classes whose public properties carry what the argument lists carry
// otherwise (Swoole\Server\Event, Packet, PipeMessage, TaskResult,
// StatusInfo). The makers fill a fresh object; the caller owns the zval.
#pragma once

#include "server/php_server.h"

#include <string_view>

namespace swoole::php {

extern zend_class_entry *server_event_ce;
extern zend_class_entry *server_packet_ce;
extern zend_class_entry *server_pipe_message_ce;
extern zend_class_entry *server_task_result_ce;
extern zend_class_entry *server_status_info_ce;

// start(): reads `event_object` from the server's $setting once, so an event
// costs no lookup; only one server runs per process.
void resolve_event_object(ServerState &st);
bool event_object_enabled(const ServerState &st);

// onConnect/onClose (data null) and onReceive (data set).
void make_event_object(zval *out, zend_long fd, zend_long reactor_id, double dispatch_time,
                       const std::string_view *data);
// onPacket; port < 0 leaves `port` unset (unix datagram sockets).
void make_packet_object(zval *out, zend_long server_socket, zend_long server_port, double dispatch_time,
                        std::string_view address, zend_long port, std::string_view data);
// onPipeMessage / onFinish: data is copied (a reference is added).
void make_pipe_message_object(zval *out, zend_long source_worker_id, double dispatch_time, zval *data);
void make_task_result_object(zval *out, zend_long task_id, zend_long task_worker_id, double dispatch_time,
                             zval *data);
// onWorkerError.
void make_status_info_object(zval *out, zend_long worker_id, zend_long worker_pid, zend_long status,
                             zend_long exit_code, zend_long signal);

void register_event_object_classes(int module_number);

}  // namespace swoole::php
