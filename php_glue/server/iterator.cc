// Swoole\Connection\Iterator (spec server.md §4): $server->connections and
// $port->connections. Iterator over the live session ids of this process
// (ascending; a port's iterator only that port's), Countable, and ArrayAccess
// as exist()/getClientInfo(). It holds a reference to the server object
// (reported to the GC, since the server holds the iterator in a property).
#include "server/php_server.h"

#include <vector>

#include "zend_interfaces.h"

namespace swoole::php {

zend_class_entry *connection_iterator_ce = nullptr;

void client_info_array(const kernel::ClientInfo &ci, zval *out);

namespace {

zend_object_handlers iterator_handlers;

struct IteratorObject {
    zval server;  // UNDEF for an object not made by a server
    int port_index;
    std::vector<kernel::SessionId> *ids;  // the snapshot taken by rewind()
    size_t position;
    zend_object std;
};

IteratorObject *iterator_of(zend_object *obj) {
    return reinterpret_cast<IteratorObject *>(reinterpret_cast<char *>(obj) - XtOffsetOf(IteratorObject, std));
}

zend_object *create_object(zend_class_entry *ce) {
    auto *obj = static_cast<IteratorObject *>(zend_object_alloc(sizeof(IteratorObject), ce));
    ZVAL_UNDEF(&obj->server);
    obj->port_index = -1;
    obj->ids = new std::vector<kernel::SessionId>();
    obj->position = 0;
    zend_object_std_init(&obj->std, ce);
    object_properties_init(&obj->std, ce);
    obj->std.handlers = &iterator_handlers;
    return &obj->std;
}

void free_object(zend_object *object) {
    IteratorObject *obj = iterator_of(object);
    zval_ptr_dtor(&obj->server);
    ZVAL_UNDEF(&obj->server);
    delete obj->ids;
    obj->ids = nullptr;
    zend_object_std_dtor(object);
}

HashTable *get_gc(zend_object *object, zval **table, int *n) {
    IteratorObject *obj = iterator_of(object);
    *table = Z_ISUNDEF(obj->server) ? nullptr : &obj->server;
    *n = Z_ISUNDEF(obj->server) ? 0 : 1;
    return zend_std_get_properties(object);
}

// The running kernel server behind the iterator, or nullptr.
kernel::Server *server_of_iterator(IteratorObject *it) {
    if (Z_ISUNDEF(it->server)) return nullptr;
    ServerState *st = server_of(Z_OBJ(it->server))->state;
    if (!st || !st->server || !st->server->running()) return nullptr;
    return st->server.get();
}

IteratorObject *this_iterator(zval *self) { return iterator_of(Z_OBJ_P(self)); }

}  // namespace

void make_connection_iterator(zval *server, int port_index, zval *out) {
    object_init_ex(out, connection_iterator_ce);
    IteratorObject *it = iterator_of(Z_OBJ_P(out));
    ZVAL_COPY(&it->server, server);
    it->port_index = port_index;
}

ZEND_METHOD(ConnectionIterator, __construct) {
    php_error_docref(nullptr, E_ERROR, "please use the Swoole\\Server->connections property");
    RETURN_THROWS();
}

ZEND_METHOD(ConnectionIterator, rewind) {
    ZEND_PARSE_PARAMETERS_NONE();
    IteratorObject *it = this_iterator(ZEND_THIS);
    it->ids->clear();
    it->position = 0;
    kernel::Server *server = server_of_iterator(it);
    if (!server) return;
    std::vector<kernel::SessionId> all;
    if (!server->client_list(0, SIZE_MAX, all)) return;
    for (kernel::SessionId id : all) {
        if (it->port_index >= 0) {
            kernel::Connection *c = server->find(id);
            if (!c || c->port->index() != it->port_index) continue;
        }
        it->ids->push_back(id);
    }
}

ZEND_METHOD(ConnectionIterator, valid) {
    ZEND_PARSE_PARAMETERS_NONE();
    IteratorObject *it = this_iterator(ZEND_THIS);
    RETURN_BOOL(it->position < it->ids->size());
}

ZEND_METHOD(ConnectionIterator, current) {
    ZEND_PARSE_PARAMETERS_NONE();
    IteratorObject *it = this_iterator(ZEND_THIS);
    if (it->position >= it->ids->size()) RETURN_NULL();
    RETURN_LONG((*it->ids)[it->position]);
}

ZEND_METHOD(ConnectionIterator, key) {
    ZEND_PARSE_PARAMETERS_NONE();
    IteratorObject *it = this_iterator(ZEND_THIS);
    RETURN_LONG(static_cast<zend_long>(it->position));
}

ZEND_METHOD(ConnectionIterator, next) {
    ZEND_PARSE_PARAMETERS_NONE();
    ++this_iterator(ZEND_THIS)->position;
}

ZEND_METHOD(ConnectionIterator, count) {
    ZEND_PARSE_PARAMETERS_NONE();
    IteratorObject *it = this_iterator(ZEND_THIS);
    kernel::Server *server = server_of_iterator(it);
    if (!server) RETURN_LONG(0);
    if (it->port_index < 0) RETURN_LONG(static_cast<zend_long>(server->connection_count()));
    RETURN_LONG(static_cast<zend_long>(server->port_connection_count(it->port_index)));
}

ZEND_METHOD(ConnectionIterator, offsetExists) {
    zval *offset;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ZVAL(offset)
    ZEND_PARSE_PARAMETERS_END();
    kernel::Server *server = server_of_iterator(this_iterator(ZEND_THIS));
    RETURN_BOOL(server && server->exist(zval_get_long(offset)));
}

ZEND_METHOD(ConnectionIterator, offsetGet) {
    zval *offset;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ZVAL(offset)
    ZEND_PARSE_PARAMETERS_END();
    kernel::Server *server = server_of_iterator(this_iterator(ZEND_THIS));
    kernel::ClientInfo ci;
    if (!server || !server->client_info(zval_get_long(offset), ci)) RETURN_FALSE;
    client_info_array(ci, return_value);
}

ZEND_METHOD(ConnectionIterator, offsetSet) {
    zval *offset, *value;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_ZVAL(offset)
        Z_PARAM_ZVAL(value)
    ZEND_PARSE_PARAMETERS_END();
}

ZEND_METHOD(ConnectionIterator, offsetUnset) {
    zval *offset;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ZVAL(offset)
    ZEND_PARSE_PARAMETERS_END();
}

namespace {

ZEND_BEGIN_ARG_INFO_EX(arginfo_it_void, 0, 0, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_it_rewind, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_it_valid, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_it_mixed, 0, 0, IS_MIXED, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_it_count, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_it_exists, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, fd, IS_MIXED, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_it_get, 0, 1, IS_MIXED, 0)
    ZEND_ARG_TYPE_INFO(0, fd, IS_MIXED, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_it_set, 0, 2, IS_VOID, 0)
    ZEND_ARG_TYPE_INFO(0, fd, IS_MIXED, 0)
    ZEND_ARG_TYPE_INFO(0, value, IS_MIXED, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_it_unset, 0, 1, IS_VOID, 0)
    ZEND_ARG_TYPE_INFO(0, fd, IS_MIXED, 0)
ZEND_END_ARG_INFO()

const zend_function_entry iterator_methods[] = {
    ZEND_ME(ConnectionIterator, __construct, arginfo_it_void, ZEND_ACC_PUBLIC)
    ZEND_ME(ConnectionIterator, rewind, arginfo_it_rewind, ZEND_ACC_PUBLIC)
    ZEND_ME(ConnectionIterator, next, arginfo_it_rewind, ZEND_ACC_PUBLIC)
    ZEND_ME(ConnectionIterator, current, arginfo_it_mixed, ZEND_ACC_PUBLIC)
    ZEND_ME(ConnectionIterator, key, arginfo_it_mixed, ZEND_ACC_PUBLIC)
    ZEND_ME(ConnectionIterator, valid, arginfo_it_valid, ZEND_ACC_PUBLIC)
    ZEND_ME(ConnectionIterator, count, arginfo_it_count, ZEND_ACC_PUBLIC)
    ZEND_ME(ConnectionIterator, offsetExists, arginfo_it_exists, ZEND_ACC_PUBLIC)
    ZEND_ME(ConnectionIterator, offsetGet, arginfo_it_get, ZEND_ACC_PUBLIC)
    ZEND_ME(ConnectionIterator, offsetSet, arginfo_it_set, ZEND_ACC_PUBLIC)
    ZEND_ME(ConnectionIterator, offsetUnset, arginfo_it_unset, ZEND_ACC_PUBLIC)
    ZEND_FE_END
};

}  // namespace

void register_connection_iterator(int) {
    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Connection\\Iterator", iterator_methods);
    connection_iterator_ce = zend_register_internal_class(&ce);
    connection_iterator_ce->create_object = create_object;
    connection_iterator_ce->ce_flags |= ZEND_ACC_FINAL | ZEND_ACC_NOT_SERIALIZABLE;
    zend_class_implements(connection_iterator_ce, 3, zend_ce_iterator, zend_ce_arrayaccess, zend_ce_countable);
    memcpy(&iterator_handlers, &std_object_handlers, sizeof iterator_handlers);
    iterator_handlers.offset = XtOffsetOf(IteratorObject, std);
    iterator_handlers.free_obj = free_object;
    iterator_handlers.get_gc = get_gc;
    iterator_handlers.clone_obj = nullptr;
    zend_register_class_alias("swoole_connection_iterator", connection_iterator_ce);
}

}  // namespace swoole::php
