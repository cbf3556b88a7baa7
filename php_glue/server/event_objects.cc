// The event-object classes of §7 and their makers: plain final classes with
// public properties, filled per event (no methods beyond the defaults).
#include "server/event_objects.h"

namespace swoole::php {

zend_class_entry *server_event_ce = nullptr;
zend_class_entry *server_packet_ce = nullptr;
zend_class_entry *server_pipe_message_ce = nullptr;
zend_class_entry *server_task_result_ce = nullptr;
zend_class_entry *server_status_info_ce = nullptr;

namespace {

const ServerState *event_object_server = nullptr;  // the running server with event_object on

struct PropertyDefault {
    const char *name;
    enum { long_zero, double_zero, null } kind;
};

zend_class_entry *register_final(const char *name, const char *alias, std::initializer_list<PropertyDefault> props) {
    zend_class_entry ce;
    INIT_CLASS_ENTRY_EX(ce, name, strlen(name), nullptr);
    zend_class_entry *out = zend_register_internal_class(&ce);
    out->ce_flags |= ZEND_ACC_FINAL;
    for (const PropertyDefault &p : props) {
        size_t len = strlen(p.name);
        switch (p.kind) {
            case PropertyDefault::long_zero:
                zend_declare_property_long(out, p.name, len, 0, ZEND_ACC_PUBLIC);
                break;
            case PropertyDefault::double_zero:
                zend_declare_property_double(out, p.name, len, 0, ZEND_ACC_PUBLIC);
                break;
            case PropertyDefault::null:
                zend_declare_property_null(out, p.name, len, ZEND_ACC_PUBLIC);
                break;
        }
    }
    if (alias) zend_register_class_alias(alias, out);
    return out;
}

void set_long(zend_class_entry *ce, zend_object *o, const char *name, zend_long v) {
    zend_update_property_long(ce, o, name, strlen(name), v);
}

void set_double(zend_class_entry *ce, zend_object *o, const char *name, double v) {
    zend_update_property_double(ce, o, name, strlen(name), v);
}

}  // namespace

void resolve_event_object(ServerState &st) {
    zval rv;
    zval *setting = zend_read_property(server_ce, Z_OBJ(st.self), ZEND_STRL("setting"), 1, &rv);
    bool on = false;
    if (setting && Z_TYPE_P(setting) == IS_ARRAY) {
        zval *v = zend_hash_str_find_deref(Z_ARRVAL_P(setting), ZEND_STRL("event_object"));
        on = v && zend_is_true(v);
    }
    if (on) {
        event_object_server = &st;
    } else if (event_object_server == &st) {
        event_object_server = nullptr;
    }
}

bool event_object_enabled(const ServerState &st) { return event_object_server == &st; }

void make_event_object(zval *out, zend_long fd, zend_long reactor_id, double dispatch_time,
                       const std::string_view *data) {
    object_init_ex(out, server_event_ce);
    zend_object *o = Z_OBJ_P(out);
    set_long(server_event_ce, o, "reactor_id", reactor_id);
    set_long(server_event_ce, o, "fd", fd);
    set_double(server_event_ce, o, "dispatch_time", dispatch_time);
    if (data) zend_update_property_stringl(server_event_ce, o, ZEND_STRL("data"), data->data(), data->size());
}

void make_packet_object(zval *out, zend_long server_socket, zend_long server_port, double dispatch_time,
                        std::string_view address, zend_long port, std::string_view data) {
    object_init_ex(out, server_packet_ce);
    zend_object *o = Z_OBJ_P(out);
    set_long(server_packet_ce, o, "server_socket", server_socket);
    set_long(server_packet_ce, o, "server_port", server_port);
    set_double(server_packet_ce, o, "dispatch_time", dispatch_time);
    zend_update_property_stringl(server_packet_ce, o, ZEND_STRL("address"), address.data(), address.size());
    if (port >= 0) set_long(server_packet_ce, o, "port", port);
    zend_update_property_stringl(server_packet_ce, o, ZEND_STRL("data"), data.data(), data.size());
}

void make_pipe_message_object(zval *out, zend_long source_worker_id, double dispatch_time, zval *data) {
    object_init_ex(out, server_pipe_message_ce);
    zend_object *o = Z_OBJ_P(out);
    set_long(server_pipe_message_ce, o, "source_worker_id", source_worker_id);
    set_double(server_pipe_message_ce, o, "dispatch_time", dispatch_time);
    zend_update_property(server_pipe_message_ce, o, ZEND_STRL("data"), data);
}

void make_task_result_object(zval *out, zend_long task_id, zend_long task_worker_id, double dispatch_time,
                             zval *data) {
    object_init_ex(out, server_task_result_ce);
    zend_object *o = Z_OBJ_P(out);
    set_long(server_task_result_ce, o, "task_id", task_id);
    set_long(server_task_result_ce, o, "task_worker_id", task_worker_id);
    set_double(server_task_result_ce, o, "dispatch_time", dispatch_time);
    zend_update_property(server_task_result_ce, o, ZEND_STRL("data"), data);
}

void make_status_info_object(zval *out, zend_long worker_id, zend_long worker_pid, zend_long status,
                             zend_long exit_code, zend_long signal) {
    object_init_ex(out, server_status_info_ce);
    zend_object *o = Z_OBJ_P(out);
    set_long(server_status_info_ce, o, "worker_id", worker_id);
    set_long(server_status_info_ce, o, "worker_pid", worker_pid);
    set_long(server_status_info_ce, o, "status", status);
    set_long(server_status_info_ce, o, "exit_code", exit_code);
    set_long(server_status_info_ce, o, "signal", signal);
}

void register_event_object_classes(int) {
    using P = PropertyDefault;
    server_event_ce = register_final("Swoole\\Server\\Event", nullptr,
                                     {{"reactor_id", P::long_zero},
                                      {"fd", P::long_zero},
                                      {"dispatch_time", P::double_zero},
                                      {"data", P::null}});
    server_packet_ce = register_final("Swoole\\Server\\Packet", nullptr,
                                      {{"server_socket", P::long_zero},
                                       {"server_port", P::long_zero},
                                       {"dispatch_time", P::double_zero},
                                       {"address", P::null},
                                       {"port", P::null},
                                       {"data", P::null}});
    server_pipe_message_ce = register_final("Swoole\\Server\\PipeMessage", nullptr,
                                            {{"source_worker_id", P::long_zero},
                                             {"dispatch_time", P::double_zero},
                                             {"data", P::null}});
    server_task_result_ce = register_final("Swoole\\Server\\TaskResult", nullptr,
                                           {{"task_id", P::long_zero},
                                            {"task_worker_id", P::long_zero},
                                            {"dispatch_time", P::double_zero},
                                            {"data", P::null}});
    server_status_info_ce = register_final("Swoole\\Server\\StatusInfo", nullptr,
                                           {{"worker_id", P::long_zero},
                                            {"worker_pid", P::long_zero},
                                            {"status", P::long_zero},
                                            {"exit_code", P::long_zero},
                                            {"signal", P::long_zero}});
}

}  // namespace swoole::php
